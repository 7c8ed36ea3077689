"""What an EXIF block holds, read by Pillow, and the one-tag block that replaces it."""

from __future__ import annotations

__all__ = ["EXIF_CAP", "exif_with_orientation", "read_exif"]

# Larger EXIF blocks are dropped unread (JPEG's cannot exceed 64 KiB anyway).
EXIF_CAP = 4 * 1024 * 1024
_ORIENTATION = 0x0112


def read_exif(data: bytes) -> tuple[set[str], int]:
    """The codes of what an EXIF block holds, and its orientation (1 when none)."""
    from PIL import ExifTags, Image

    exif = Image.Exif()
    try:
        exif.load(data)
        ifd0 = dict(exif)
        sub = exif.get_ifd(ExifTags.IFD.Exif)
        gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
        ifd1 = exif.get_ifd(ExifTags.IFD.IFD1)
    except Exception:  # Pillow raises many kinds on malformed EXIF; it goes anyway
        return {"exif"}, 1
    codes = {_EXIF_CODES.get(tag, "exif") for tag in {**ifd0, **sub}}
    codes.discard("")
    if gps or ExifTags.IFD.GPSInfo in ifd0:
        codes.add("gps")
    if ifd1:
        codes.add("thumbnail")
    orientation = ifd0.get(_ORIENTATION, 1)
    if not isinstance(orientation, int) or not 1 <= orientation <= 8:
        orientation = 1
    return codes, orientation


def exif_with_orientation(orientation: int) -> bytes:
    """A minimal EXIF block (TIFF, no ``Exif`` prefix) holding only the orientation."""
    from PIL import Image

    exif = Image.Exif()
    exif[_ORIENTATION] = orientation
    return exif.tobytes()[6:]


# EXIF tags and their codes; "" is kept or structural, any tag not here is "exif".
_EXIF_CODES = {
    0x0112: "",  # Orientation, kept
    0x8769: "",  # the EXIF sub-IFD pointer
    0xA005: "",  # the interoperability IFD pointer
    0x8825: "gps",
    **dict.fromkeys((0x010F, 0x0110, 0xA432, 0xA433, 0xA434), "camera"),
    **dict.fromkeys((0xA431, 0xA435), "camera-serial"),
    0xA420: "unique-id",
    0xA430: "owner",
    **dict.fromkeys((0x013B, 0x8298, 0x9C9D), "author"),
    **dict.fromkeys((0x0132, 0x9003, 0x9004, 0x9010, 0x9011, 0x9012), "date"),
    **dict.fromkeys((0x9290, 0x9291, 0x9292), "date"),
    **dict.fromkeys((0x0131, 0x013C), "software"),
    0x927C: "maker-note",
    **dict.fromkeys((0x9286, 0x9C9C), "comment"),
    **dict.fromkeys((0x010E, 0x9C9B), "title"),
    0x9C9F: "subject",
    0x9C9E: "keywords",
}
