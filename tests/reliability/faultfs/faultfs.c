/*
 * faultfs: an LD_PRELOAD shim that makes the N-th file-system call on a path inside one
 * folder fail with a chosen errno, or kills the process there with SIGKILL.
 *
 * It sits between every caller and libc, so it reaches what Python's os module cannot:
 * the bundled SQLite's own writes, fsyncs and truncations. Only calls on paths inside
 * FAULTFS_DIR count; descriptors are mapped back to their path through /proc/self/fd.
 *
 * Environment (read once at load):
 *   FAULTFS_DIR     the folder whose files are targeted (an absolute, resolved path)
 *   FAULTFS_AT      the call to act on, counted from 1; 0 only counts
 *   FAULTFS_ERRNO   the errno to fail with; 0 sends SIGKILL instead
 *   FAULTFS_STICKY  1: every counted call from FAULTFS_AT on fails, not only that one
 *   FAULTFS_REPORT  a file that gets one line per counted call ("N op name"), a line
 *                   "fault N op name" when acting, and "total N" at a clean exit
 *
 * Counted: write, pwrite(64), fsync, fdatasync, ftruncate(64), rename(at), link(at),
 * unlink(at), rmdir; for kills also opens for writing and close.
 *
 * Built by tests/support/faultfs.py with `gcc -shared -fPIC`.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <unistd.h>

static char target_dir[PATH_MAX];
static size_t target_len;
static long fault_at;
static int fault_errno;
static int sticky;
static int report_fd = -1;
static long counter;

static void report(const char *line) {
    if (report_fd >= 0) {
        syscall(SYS_write, report_fd, line, strlen(line));
    }
}

__attribute__((constructor)) static void faultfs_init(void) {
    const char *dir = getenv("FAULTFS_DIR");
    const char *at = getenv("FAULTFS_AT");
    const char *err = getenv("FAULTFS_ERRNO");
    const char *stick = getenv("FAULTFS_STICKY");
    const char *out = getenv("FAULTFS_REPORT");
    if (dir != NULL && strlen(dir) < sizeof target_dir) {
        strcpy(target_dir, dir);
        target_len = strlen(target_dir);
        while (target_len > 1 && target_dir[target_len - 1] == '/') {
            target_dir[--target_len] = '\0';
        }
    }
    fault_at = at != NULL ? atol(at) : 0;
    fault_errno = err != NULL ? atoi(err) : 0;
    sticky = stick != NULL && strcmp(stick, "1") == 0;
    if (out != NULL) {
        report_fd = (int)syscall(SYS_openat, AT_FDCWD, out,
                                 O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    }
}

__attribute__((destructor)) static void faultfs_exit(void) {
    char line[64];
    snprintf(line, sizeof line, "total %ld\n", __atomic_load_n(&counter, __ATOMIC_SEQ_CST));
    report(line);
}

static int inside(const char *path) {
    if (target_len == 0 || path == NULL) {
        return 0;
    }
    return strncmp(path, target_dir, target_len) == 0 &&
           (path[target_len] == '\0' || path[target_len] == '/');
}

/* The absolute form of (dirfd, path) in out; the path itself when that is not known. */
static const char *resolve(int dirfd, const char *path, char *out, size_t size) {
    if (path == NULL || path[0] == '/') {
        return path;
    }
    char base[PATH_MAX];
    if (dirfd == AT_FDCWD) {
        if (getcwd(base, sizeof base) == NULL) {
            return path;
        }
    } else {
        char link[64];
        snprintf(link, sizeof link, "/proc/self/fd/%d", dirfd);
        ssize_t n = readlink(link, base, sizeof base - 1);
        if (n < 0) {
            return path;
        }
        base[n] = '\0';
    }
    if (snprintf(out, size, "%s/%s", base, path) >= (int)size) {
        return path;
    }
    return out;
}

static const char *fd_path(int fd, char *out, size_t size) {
    char link[64];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(link, out, size - 1);
    if (n < 0) {
        return NULL;
    }
    out[n] = '\0';
    return out;
}

/* Count a call on path; return the errno to fail it with (0: let it through). */
static int decide(const char *op, const char *path) {
    if (!inside(path)) {
        return 0;
    }
    long n = __atomic_add_fetch(&counter, 1, __ATOMIC_SEQ_CST);
    const char *name = path + target_len + (path[target_len] == '/' ? 1 : 0);
    char line[PATH_MAX + 96];
    snprintf(line, sizeof line, "%ld %s %s\n", n, op, name);
    report(line);
    if (fault_at <= 0 || n < fault_at || (n > fault_at && !sticky)) {
        return 0;
    }
    snprintf(line, sizeof line, "fault %ld %s %s\n", n, op, name);
    report(line);
    if (fault_errno == 0) {
        syscall(SYS_kill, getpid(), SIGKILL);
    }
    return fault_errno;
}

static int decide_fd(const char *op, int fd) {
    char buffer[PATH_MAX];
    return decide(op, fd_path(fd, buffer, sizeof buffer));
}

static int decide_at(const char *op, int dirfd, const char *path) {
    char buffer[PATH_MAX];
    return decide(op, resolve(dirfd, path, buffer, sizeof buffer));
}

#define REAL(name) \
    static __typeof__(name) *real_##name; \
    if (real_##name == NULL) real_##name = (__typeof__(name) *)dlsym(RTLD_NEXT, #name)

/* The decision is taken once: it counts the call. */
#define FAIL_WITH(decision, value) \
    do { int code_ = (decision); if (code_) { errno = code_; return value; } } while (0)

ssize_t write(int fd, const void *buf, size_t count) {
    REAL(write);
    FAIL_WITH(decide_fd("write", fd), -1);
    return real_write(fd, buf, count);
}

ssize_t pwrite(int fd, const void *buf, size_t count, off_t offset) {
    REAL(pwrite);
    FAIL_WITH(decide_fd("pwrite", fd), -1);
    return real_pwrite(fd, buf, count, offset);
}

ssize_t pwrite64(int fd, const void *buf, size_t count, off64_t offset) {
    REAL(pwrite64);
    FAIL_WITH(decide_fd("pwrite64", fd), -1);
    return real_pwrite64(fd, buf, count, offset);
}

int fsync(int fd) {
    REAL(fsync);
    FAIL_WITH(decide_fd("fsync", fd), -1);
    return real_fsync(fd);
}

int fdatasync(int fd) {
    REAL(fdatasync);
    FAIL_WITH(decide_fd("fdatasync", fd), -1);
    return real_fdatasync(fd);
}

int ftruncate(int fd, off_t length) {
    REAL(ftruncate);
    FAIL_WITH(decide_fd("ftruncate", fd), -1);
    return real_ftruncate(fd, length);
}

int ftruncate64(int fd, off64_t length) {
    REAL(ftruncate64);
    FAIL_WITH(decide_fd("ftruncate64", fd), -1);
    return real_ftruncate64(fd, length);
}

int rename(const char *old, const char *new) {
    REAL(rename);
    FAIL_WITH(decide_at("rename", AT_FDCWD, new), -1);
    return real_rename(old, new);
}

int renameat(int olddirfd, const char *old, int newdirfd, const char *new) {
    REAL(renameat);
    FAIL_WITH(decide_at("renameat", newdirfd, new), -1);
    return real_renameat(olddirfd, old, newdirfd, new);
}

int link(const char *old, const char *new) {
    REAL(link);
    FAIL_WITH(decide_at("link", AT_FDCWD, new), -1);
    return real_link(old, new);
}

int linkat(int olddirfd, const char *old, int newdirfd, const char *new, int flags) {
    REAL(linkat);
    FAIL_WITH(decide_at("linkat", newdirfd, new), -1);
    return real_linkat(olddirfd, old, newdirfd, new, flags);
}

int unlink(const char *path) {
    REAL(unlink);
    FAIL_WITH(decide_at("unlink", AT_FDCWD, path), -1);
    return real_unlink(path);
}

int unlinkat(int dirfd, const char *path, int flags) {
    REAL(unlinkat);
    FAIL_WITH(decide_at("unlinkat", dirfd, path), -1);
    return real_unlinkat(dirfd, path, flags);
}

int rmdir(const char *path) {
    REAL(rmdir);
    FAIL_WITH(decide_at("rmdir", AT_FDCWD, path), -1);
    return real_rmdir(path);
}

int close(int fd) {
    REAL(close);
    /* Only a kill lands here: an error from close would leak the descriptor. */
    if (fault_errno == 0) {
        decide_fd("close", fd);
    }
    return real_close(fd);
}

/* Opening for writing is a kill point; errors at open are left to support/os_faults.py,
 * so that an errno sweep here spends its trials on the writes and syncs. */
#define WRITES(flags) (fault_errno == 0 && ((flags) & (O_WRONLY | O_RDWR | O_CREAT | O_TRUNC)) != 0)

static mode_t mode_of(int flags, va_list args) {
    return (flags & (O_CREAT | O_TMPFILE)) ? (mode_t)va_arg(args, int) : 0;
}

int open(const char *path, int flags, ...) {
    REAL(open);
    va_list args;
    va_start(args, flags);
    mode_t mode = mode_of(flags, args);
    va_end(args);
    if (WRITES(flags)) {
        FAIL_WITH(decide_at("open", AT_FDCWD, path), -1);
    }
    return real_open(path, flags, mode);
}

int open64(const char *path, int flags, ...) {
    REAL(open64);
    va_list args;
    va_start(args, flags);
    mode_t mode = mode_of(flags, args);
    va_end(args);
    if (WRITES(flags)) {
        FAIL_WITH(decide_at("open64", AT_FDCWD, path), -1);
    }
    return real_open64(path, flags, mode);
}

int openat(int dirfd, const char *path, int flags, ...) {
    REAL(openat);
    va_list args;
    va_start(args, flags);
    mode_t mode = mode_of(flags, args);
    va_end(args);
    if (WRITES(flags)) {
        FAIL_WITH(decide_at("openat", dirfd, path), -1);
    }
    return real_openat(dirfd, path, flags, mode);
}

int openat64(int dirfd, const char *path, int flags, ...) {
    REAL(openat64);
    va_list args;
    va_start(args, flags);
    mode_t mode = mode_of(flags, args);
    va_end(args);
    if (WRITES(flags)) {
        FAIL_WITH(decide_at("openat64", dirfd, path), -1);
    }
    return real_openat64(dirfd, path, flags, mode);
}
