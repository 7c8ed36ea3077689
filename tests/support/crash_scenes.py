"""The operations the reliability tests interrupt, each with the vault it starts from and
the invariants that must hold however it was interrupted (docs/reliability.md).

A scene builds one template vault; every trial works on a fresh copy of it (or, for the
chained random kills, on the vault the previous trial left). ``verify`` opens the vault
as its owner would next and returns an outcome label and the list of violations.
"""

from __future__ import annotations

import io
import secrets
import shutil
import subprocess
import sys
from pathlib import Path
from typing import ClassVar

from hushnote import errors
from hushnote.core import KdfParams, Vault
from support.fault_injection import ChildRun
from support.forensics import canary_hits
from support.vault_probe import FALSE_ROLLBACK, Probe, probe, soundness

OLD, NEW, DURESS = "old passphrase", "new passphrase", "duress passphrase"
CANARY = "CrashSceneCanary-5521"
# Exit code -> error code, from the one table the CLI uses too.
EXIT_CODES = {
    cls.exit_code: cls.code
    for cls in vars(errors).values()
    if isinstance(cls, type) and issubclass(cls, errors.HushnoteError) and cls.exit_code != 1
}
# What an I/O fault may be reported as: the environment refused, nothing else.
STORAGE_CODES = ("storage", "disk-full")
# What a vault whose keys are gone says to any passphrase.
KEYLESS = ("header-corrupted", "authentication-failed", "vault-not-found")


def cli_error(run: ChildRun, allowed: tuple[str, ...]) -> list[str]:
    """What is wrong with how the command line ended after a fault (empty if it is fine)."""
    if run.returncode == 0 or run.killed:
        return []
    wrong = []
    if "Traceback" in run.stderr or "internal error" in run.stderr:
        wrong.append(f"internal error: {run.stderr.strip()[-400:]!r}")
    elif run.returncode not in EXIT_CODES:
        wrong.append(f"exit {run.returncode} is no Hushnote error: {run.stderr.strip()[-300:]!r}")
    elif EXIT_CODES[run.returncode] not in allowed:
        wrong.append(f"unclear error code {EXIT_CODES[run.returncode]} for an I/O fault")
    return wrong


def code_of(run: ChildRun) -> str:
    if run.killed:
        return "killed"
    if run.returncode == 0:
        return "ok"
    return EXIT_CODES.get(run.returncode, f"exit {run.returncode}")


def first_problems(found: Probe, *, settings: int | None = None) -> list[str]:
    wrong = soundness(found)
    if settings is not None and found.counts.get("settings") != settings:
        wrong.append(f"settings rows {found.counts.get('settings')}, expected {settings}")
    return wrong


def refusal(passphrase: str, found: Probe) -> list[str]:
    """A false rollback or an internal error at the next unlock."""
    if found.error in FALSE_ROLLBACK:
        return [f"false rollback: {passphrase!r} refused with {found.error}"]
    if found.error is not None and found.error.startswith("internal:"):
        return [f"unlock with {passphrase!r} raised {found.error}"]
    return []


class Scene:
    """One operation: its template vault, its command line and its invariants."""

    rows = 1500
    module = "hushnote"
    # At least this many calls on vault files in an errno sweep of the small vault (the
    # kill sweeps count more: opens and closes too), by mechanism; the smoke run draws its
    # call point below it, and the long proof checks its census against it.
    calls: ClassVar[dict[str, int]] = {"os": 1, "libc": 1}
    # How the command line may report an I/O fault.
    allowed: tuple[str, ...] = STORAGE_CODES

    def __init__(self, folder: Path, kdf: KdfParams, *, small: bool = False) -> None:
        """``kdf``: the tests' ``fast_kdf_params``; ``small``: a vault for call sweeps."""
        # Small vaults for the call sweeps, where every call is a trial; large ones for
        # random kills, which need an operation long enough to land in.
        self.small = small
        self.kdf = kdf
        if small:
            self.rows = min(self.rows, 40)
        self.folder = folder
        self.passphrases: dict[str, Path] = {}
        self.chained_passphrase = OLD
        self.folder.mkdir(parents=True, exist_ok=True)
        for name in (OLD, NEW, DURESS):
            path = self.folder / name.replace(" ", "-")
            path.write_text(name + "\n")
            path.chmod(0o600)
            self.passphrases[name] = path
        self.template = self.folder / "template"
        with Vault.create(self.template, OLD, kdf=self.kdf) as vault:
            self.fill(vault)
            self.settings = vault.counts()["settings"]
        self._copies = 0

    def fill(self, vault: Vault) -> None:
        with vault.db.transaction() as connection:
            connection.executemany(
                "INSERT INTO settings (key, value) VALUES (?, ?)",
                [(f"{CANARY}{n}", secrets.token_hex(400)) for n in range(self.rows)],
            )

    def fresh(self) -> Path:
        """A new copy of the template vault (and the chain of trials starts again)."""
        self.reset()
        self._copies += 1
        root = self.folder / f"trial{self._copies}"
        shutil.copytree(self.template, root)
        return root

    def reset(self) -> None:
        self.chained_passphrase = OLD

    def discard(self, root: Path) -> None:
        shutil.rmtree(root, ignore_errors=True)

    def args(self, root: Path) -> list[str]:
        raise NotImplementedError

    def stdin(self) -> str:
        return ""

    def verify(self, root: Path, run: ChildRun) -> tuple[str, list[str]]:
        raise NotImplementedError

    def cli(self, root: Path, *args: str) -> list[str]:
        return ["--vault", str(root), *args]


class PasswdScene(Scene):
    """``passwd``: after any interruption exactly one of the two passphrases opens."""

    calls: ClassVar[dict[str, int]] = {"os": 25, "libc": 30}

    def args(self, root: Path) -> list[str]:
        current = self.chained_passphrase
        other = NEW if current == OLD else OLD
        return self.cli(
            root, "passwd", "--passphrase-file", str(self.passphrases[current]),
            "--new-passphrase-file", str(self.passphrases[other]),
        )  # fmt: skip

    def verify(self, root: Path, run: ChildRun) -> tuple[str, list[str]]:
        current = self.chained_passphrase
        other = NEW if current == OLD else OLD
        found = {name: probe(root, name) for name in (current, other)}
        wrong = [text for name, seen in found.items() for text in refusal(name, seen)]
        opened = [name for name, seen in found.items() if seen.opened]
        if len(opened) != 1:
            wrong.append(f"opened by {opened or 'neither'}: {[s.error for s in found.values()]}")
        else:
            closed = other if opened == [current] else current
            if found[closed].error != "authentication-failed":
                wrong.append(f"{closed!r} fails with {found[closed].error}")
            wrong += first_problems(found[opened[0]], settings=self.settings)
            if run.returncode == 0 and opened != [other]:
                wrong.append("passwd reported success but the old passphrase still opens")
            self.chained_passphrase = opened[0]
        which = "new" if opened == [other] else "old" if opened == [current] else "?"
        return f"{code_of(run)}, {which} passphrase opens", wrong


class RotateScene(Scene):
    """``rotate-key``: the passphrase opens the vault and ``check`` is clean."""

    calls: ClassVar[dict[str, int]] = {"os": 48, "libc": 500}

    def args(self, root: Path) -> list[str]:
        return self.cli(root, "rotate-key", "--passphrase-file", str(self.passphrases[OLD]))

    def verify(self, root: Path, run: ChildRun) -> tuple[str, list[str]]:
        found = probe(root, OLD)
        wrong = refusal(OLD, found)
        if not found.opened:
            wrong.append(f"the passphrase fails with {found.error}")
        else:
            wrong += first_problems(found, settings=self.settings)
        return f"{code_of(run)}, {'opens' if found.opened else found.error}", wrong


class UnlockScene(RotateScene):
    """``check``: an unlock (which writes the header) and a check, nothing else."""

    calls: ClassVar[dict[str, int]] = {"os": 16, "libc": 25}

    def args(self, root: Path) -> list[str]:
        return self.cli(root, "check", "--passphrase-file", str(self.passphrases[OLD]))


class WipeScene(Scene):
    """``wipe``: the vault is intact or keyless, never half; a second wipe finishes."""

    calls: ClassVar[dict[str, int]] = {"os": 8, "libc": 7}

    rows = 400
    allowed = ("wipe-incomplete",)

    def args(self, root: Path) -> list[str]:
        return self.cli(root, "wipe", "--yes")

    def verify(self, root: Path, run: ChildRun) -> tuple[str, list[str]]:
        wrong: list[str] = []
        if root.exists():
            found = probe(root, OLD)
            wrong += refusal(OLD, found)
            if found.opened:
                state = "intact"
                wrong += first_problems(found, settings=self.settings)
            elif found.error in KEYLESS:
                state = f"keyless ({found.error})"
            elif "key slots are intact" in run.stderr and found.error == "vault-corrupted":
                # The keys could not be erased and say so; the database went all the same
                # (a panic destroys what it can), and the header waits for a second wipe.
                state = "keys left for a second wipe, database destroyed"
            else:
                state = f"fails with {found.error}"
                wrong.append(f"neither intact nor keyless: {found.error}")
        else:
            state = "gone"
        fault = "" if run.killed else run.fault or ""
        if run.returncode == 0 and fault:
            # A failed fsync of the folder is the one fault a wipe may keep to itself: the
            # files it names were erased and synced, and their names are going anyway.
            if not fault.endswith("fsync "):
                wrong.append(f"the wipe reported success after the fault; the vault is {state}")
        elif run.returncode == 0 and state != "gone":
            wrong.append(f"the wipe reported success but the vault is {state}")
        again = subprocess.run(
            [sys.executable, "-m", "hushnote", *self.args(root)],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        if again.returncode != 0 or root.exists():
            wrong.append(f"a second wipe did not finish: exit {again.returncode}, {again.stderr!r}")
        if "key slots are intact" in run.stderr and "keys were destroyed" not in again.stdout:
            wrong.append("the keys the first wipe could not erase were not erased by the second")
        hits = canary_hits([CANARY], root.parent) if root.parent.exists() else []
        if hits:
            wrong.append(f"plaintext left after the second wipe: {hits}")
        return f"{code_of(run)}, {state}", wrong


DECOY = [("Groceries", "milk, bread"), ("Dentist", "Tuesday 10:00")]


class DuressScene(Scene):
    """The duress unlock: the real vault intact, or its keys gone and the duress
    passphrase opening the decoy or failing exactly as the real one does."""

    calls: ClassVar[dict[str, int]] = {"os": 14, "libc": 150}

    rows = 600

    def fill(self, vault: Vault) -> None:
        super().fill(vault)
        vault.set_duress(DURESS, DECOY)

    def args(self, root: Path) -> list[str]:
        return self.cli(root, "note", "list", "--passphrase-file", str(self.passphrases[DURESS]))

    def verify(self, root: Path, run: ChildRun) -> tuple[str, list[str]]:
        real = probe(root, OLD)
        wrong = refusal(OLD, real)
        if real.opened:
            wrong += first_problems(real, settings=self.settings)
        # In every state the duress passphrase must still do its job (or fail as the real one).
        duress = probe(root, DURESS)
        wrong += refusal(DURESS, duress)
        decoy = duress.opened and sorted(duress.bodies.values()) == sorted(b for _, b in DECOY)
        if duress.opened:
            wrong += first_problems(duress)
            if not decoy:
                wrong.append("the duress passphrase opened something other than the decoy")
        if real.opened:
            state = "intact"
            if not duress.opened:
                wrong.append(f"intact, but the duress passphrase then fails with {duress.error}")
        elif real.error not in KEYLESS:
            state = f"real fails with {real.error}"
            wrong.append(f"the real passphrase fails with {real.error}, not as a wrong one")
        elif decoy:
            state = f"keys gone ({real.error}), decoy opens"
        elif duress.error == real.error:
            state = f"keys gone, both fail with {real.error}"
        else:
            state = f"keys gone ({real.error}), duress fails with {duress.error}"
            wrong.append(state)
        if run.returncode == 0 and not state.endswith("decoy opens"):
            wrong.append(f"the duress unlock finished but the vault is {state}")
        return f"{code_of(run)}, {state}", wrong


class ImportScene(Scene):
    """``import``: none or all of the bundle is in, the rest untouched, check clean."""

    calls: ClassVar[dict[str, int]] = {"os": 25, "libc": 100}

    rows = 50
    own_notes = 20

    def fill(self, vault: Vault) -> None:
        super().fill(vault)
        bundle_notes = 20 if self.small else 200
        self.own = {
            vault.notes.create(title=f"own {n}", body=f"own body {n}").uuid: f"own body {n}"
            for n in range(self.own_notes)
        }
        source = self.folder / "source"
        self.bundle = self.folder / "bundle.hnb"
        with Vault.create(source, OLD, kdf=self.kdf) as other:
            self.incoming = {
                other.notes.create(
                    title=f"incoming {n}", body=f"incoming {n} " + secrets.token_hex(600)
                ).uuid
                for n in range(bundle_notes)
            }
            # Files too: their blob files are written before the commit, and must be
            # gone (or swept at the next unlock) if it never comes.
            self.files = {
                other.attachments.add(
                    note, io.BytesIO(secrets.token_bytes(300_000)), name=f"file {n}.bin"
                ).attachment.uuid
                for n, note in enumerate(sorted(self.incoming)[:2])
            }
            other.export_bundle(self.bundle, recipients=[vault.age_recipient()])

    def args(self, root: Path) -> list[str]:
        return self.cli(
            root, "import", str(self.bundle), "--passphrase-file", str(self.passphrases[OLD])
        )

    def verify(self, root: Path, run: ChildRun) -> tuple[str, list[str]]:
        found = probe(root, OLD)
        wrong = refusal(OLD, found)
        if not found.opened:
            wrong.append(f"the passphrase fails with {found.error}")
            return f"{code_of(run)}, {found.error}", wrong
        wrong += first_problems(found, settings=self.settings)
        lost = [key for key, body in self.own.items() if found.bodies.get(key) != body]
        if lost:
            wrong.append(f"{len(lost)} notes saved before the import lost or changed")
        arrived = len(self.incoming & found.bodies.keys())
        if arrived not in (0, len(self.incoming)):
            wrong.append(f"{arrived} of {len(self.incoming)} bundle notes arrived")
        if run.returncode == 0 and arrived != len(self.incoming):
            wrong.append("the import reported success but the bundle is not in")
        files = len(self.files & found.attachments)
        if files != (len(self.files) if arrived else 0):
            wrong.append(f"{files} of {len(self.files)} attachments with {arrived} notes")
        return f"{code_of(run)}, {'all' if arrived else 'none'} imported", wrong


class AppImportScene(Scene):
    """``import-from markdown``: none or all of another app's export is in (its embedded
    pictures cleaned and sealed before the commit), the rest untouched, check clean."""

    calls: ClassVar[dict[str, int]] = {"os": 20, "libc": 60}

    rows = 50
    own_notes = 20
    marker = "ImportedFromElsewhere-"

    def fill(self, vault: Vault) -> None:
        from PIL import Image

        super().fill(vault)
        count = 20 if self.small else 200
        self.own = {
            vault.notes.create(title=f"own {n}", body=f"own body {n}").uuid: f"own body {n}"
            for n in range(self.own_notes)
        }
        self.export = self.folder / "export"
        (self.export / "Cases").mkdir(parents=True)
        self.count = count
        for n in range(count):
            embed = f"![[picture {n}.png]]" if n < 2 else ""
            text = f"{self.marker}{n} {secrets.token_hex(600)} {embed}"
            (self.export / "Cases" / f"note {n}.md").write_text(text)
        for n in range(2):
            noise = Image.frombytes("RGB", (200, 200), secrets.token_bytes(200 * 200 * 3))
            noise.save(self.export / "Cases" / f"picture {n}.png")

    def args(self, root: Path) -> list[str]:
        return self.cli(root, "import-from", "markdown", str(self.export), "--yes",
                        "--passphrase-file", str(self.passphrases[OLD]))  # fmt: skip

    def verify(self, root: Path, run: ChildRun) -> tuple[str, list[str]]:
        found = probe(root, OLD)
        wrong = refusal(OLD, found) + cli_error(run, self.allowed)
        if not found.opened:
            wrong.append(f"the passphrase fails with {found.error}")
            return f"{code_of(run)}, {found.error}", wrong
        wrong += first_problems(found)
        lost = [key for key, body in self.own.items() if found.bodies.get(key) != body]
        if lost:
            wrong.append(f"{len(lost)} notes saved before the import lost or changed")
        arrived = sum(self.marker in body for body in found.bodies.values())
        if arrived not in (0, self.count):
            wrong.append(f"{arrived} of {self.count} imported notes arrived")
        if run.returncode == 0 and arrived != self.count:
            wrong.append("the import reported success but the export is not in")
        files = len(found.attachments)
        if files != (2 if arrived else 0):
            wrong.append(f"{files} of 2 attachments with {arrived} notes")
        # The one setting an import adds (its id key) comes with the notes or not at all.
        settings = found.counts.get("settings")
        if settings not in ((self.settings + 1,) if arrived else (self.settings,)):
            wrong.append(f"settings rows {settings} with {arrived} notes in")
        return f"{code_of(run)}, {'all' if arrived else 'none'} imported", wrong


class NoteAddScene(Scene):
    """``note add``: a note reported saved is there; every earlier note is intact."""

    calls: ClassVar[dict[str, int]] = {"os": 25, "libc": 56}

    rows = 50
    notes = 20

    def fill(self, vault: Vault) -> None:
        super().fill(vault)
        self.saved = {
            vault.notes.create(title=f"saved {n}", body=f"v1|saved {n}").uuid: f"v1|saved {n}"
            for n in range(self.notes)
        }

    def args(self, root: Path) -> list[str]:
        return self.cli(root, "note", "add", "--title", "added",
                        "--passphrase-file", str(self.passphrases[OLD]))  # fmt: skip

    def stdin(self) -> str:
        return "v1|the new note"

    def changed(self, found: Probe) -> tuple[bool, list[str]]:
        """Whether this save is in, and what earlier saves went missing."""
        added = [body for key, body in found.bodies.items() if key not in self.saved]
        lost = [key for key, body in self.saved.items() if found.bodies.get(key) != body]
        return bool(added), [f"{len(lost)} earlier notes lost or changed"] if lost else []

    def verify(self, root: Path, run: ChildRun) -> tuple[str, list[str]]:
        found = probe(root, OLD)
        wrong = refusal(OLD, found)
        if not found.opened:
            wrong.append(f"the passphrase fails with {found.error}")
            return f"{code_of(run)}, {found.error}", wrong
        wrong += first_problems(found, settings=self.settings)
        saved, lost = self.changed(found)
        wrong += lost
        if run.returncode == 0 and not saved:
            wrong.append("the save was reported done but is not there")
        return f"{code_of(run)}, {'saved' if saved else 'not saved'}", wrong


class NoteEditScene(NoteAddScene):
    """``note edit``: the body is the old or the new one, the new one if reported saved."""

    def args(self, root: Path) -> list[str]:
        self.edited = sorted(self.saved)[0]
        return self.cli(root, "note", "edit", self.edited,
                        "--passphrase-file", str(self.passphrases[OLD]))  # fmt: skip

    def stdin(self) -> str:
        return "v2|the edited body"

    def changed(self, found: Probe) -> tuple[bool, list[str]]:
        body = found.bodies.get(self.edited)
        lost = [key for key, text in self.saved.items()
                if key != self.edited and found.bodies.get(key) != text]  # fmt: skip
        wrong = [f"{len(lost)} other notes lost or changed"] if lost else []
        if body not in (self.saved[self.edited], "v2|the edited body"):
            wrong.append(f"the edited note holds neither body: {body!r}")
        return body == "v2|the edited body", wrong


class SaveLoopScene(NoteAddScene):
    """Saves in a loop (``support.save_loop``): every save the child reported done is
    there after the kill, at its version or a later one, and nothing earlier is lost."""

    calls: ClassVar[dict[str, int]] = {"os": 50, "libc": 200}

    module = "support.save_loop"
    seed = 1

    @property
    def count(self) -> int:
        """Saves per run: a fixed few on each fresh copy for the sweeps, else until killed."""
        return 5 if self.small else 0

    @property
    def relock(self) -> int:
        return 3 if self.small else 6

    def reset(self) -> None:
        self.known = {key: 1 for key in self.saved}

    def args(self, root: Path) -> list[str]:
        if not self.small:
            self.seed += 1  # a chained run must not create the notes the last one did
        return [str(root), str(self.passphrases[OLD]), str(self.seed), str(self.count),
                str(self.relock)]  # fmt: skip

    def verify(self, root: Path, run: ChildRun) -> tuple[str, list[str]]:
        reported: dict[str, int] = dict(self.known)
        for line in run.stdout.splitlines():
            word, _, rest = line.partition(" ")
            if word == "saved":
                key, version = rest.split()
                reported[key] = max(reported.get(key, 0), int(version))
        found = probe(root, OLD)
        wrong = refusal(OLD, found)
        if not found.opened:
            wrong.append(f"the passphrase fails with {found.error}")
            return f"{code_of(run)}, {found.error}", wrong
        wrong += first_problems(found, settings=self.settings)
        versions = found.versions()
        lost = sorted(key for key, version in reported.items() if versions.get(key, 0) < version)
        if lost:
            wrong.append(
                f"{len(lost)} committed saves lost, e.g. {lost[0]} v{reported[lost[0]]} "
                f"is v{versions.get(lost[0], 0)}"
            )
        if self.count == 0:
            self.known = versions  # the chain goes on from what is really there
        saves = sum(line.startswith("saved ") for line in run.stdout.splitlines())
        return f"{code_of(run)}, {saves} saves reported", wrong
