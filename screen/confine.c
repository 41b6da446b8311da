/*
 * confine.c - the layers around a child that touches applicant bytes.
 *
 * Owns the child's uid, namespaces, root, capabilities and system-call
 * filter.  Runs only in a freshly exec'd child (never in the parent),
 * single-threaded, before any document is read.  Must not print: what
 * it did, or why it could not, goes back in a struct confine_result.
 *
 * Order, and why:
 *   1. As root, give up root first (real and effective uid 65534, saved
 *      uid kept for a moment): a user namespace made now is owned by
 *      that unprivileged uid, so nothing done inside it counts outside.
 *   2. A user namespace mapping only our own (unprivileged) uid and gid
 *      to themselves: capabilities inside it, none outside.
 *   3. Network namespace (no interface but a down loopback).
 *   4. Mount namespace, every mount private, an empty tmpfs on the
 *      parent's scratch folder (read-only for extraction, fsize bytes
 *      for the annotator), pivot_root into it and the old root detached:
 *      nothing of the host's files is left to reach, so no chroot walk
 *      and no unmount can lead back.  Where "/" is not a mount point (a
 *      plain chroot) and we are root, chroot into the scratch folder
 *      instead, which holds nothing and is left with no capability to
 *      chroot again.
 *   5. Every capability dropped (bounding set too), then the uid fixed
 *      for good; not dumpable, so no process of the same uid may ptrace
 *      it or open its /proc files.
 * The caller then sets its rlimits (RLIMIT_NPROC 0 among them) and
 * calls confine_seccomp() last.
 */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <sched.h>
#include <seccomp.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <linux/capability.h>
#include <linux/landlock.h>

#include "confine.h"

static const char *const layer_names[CONFINE_N_LAYERS] = {
	[CONFINE_UID] = "unprivileged uid",
	[CONFINE_USERNS] = "user namespace",
	[CONFINE_ROOT] = "empty root",
	[CONFINE_NET] = "network namespace",
	[CONFINE_SECCOMP] = "seccomp allow-list",
	[CONFINE_NPROC] = "no new processes",
};

const char *confine_layer_name(enum confine_layer l)
{
	return l < CONFINE_N_LAYERS ? layer_names[l] : "?";
}

G_GNUC_PRINTF(4, 5)
static void note(struct confine_result *r, enum confine_layer l, bool ok,
		 const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	g_vsnprintf(r->detail[l], sizeof(r->detail[l]), fmt, ap);
	va_end(ap);
	if (ok)
		r->have |= 1u << l;
	else
		r->have &= ~(1u << l);
}

static bool write_file(const char *path, const char *s)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC);
	gsize len = strlen(s);
	bool ok;

	if (fd < 0)
		return false;
	ok = write(fd, s, len) == (ssize_t)len;
	close(fd);
	return ok;
}

/* Step 2: our own uid and gid mapped to themselves, and no way back to
 * the groups we dropped.  1: done, 0: not available, -1: failed
 * half-way. */
static int user_namespace(uid_t uid, gid_t gid, guint flags,
			   struct confine_result *r)
{
	char map[64];

	if (flags & CONFINE_TEST_NO_USERNS) {
		note(r, CONFINE_USERNS, false, "disabled for this test");
		return 0;
	}
	if (unshare(CLONE_NEWUSER) < 0) {
		note(r, CONFINE_USERNS, false, "%s", g_strerror(errno));
		return 0;
	}
	/* A change of uid made us not dumpable, which leaves our own
	 * /proc files to root: dumpable until the maps are written. */
	if (prctl(PR_SET_DUMPABLE, 1, 0, 0, 0) < 0)
		return -1;
	g_snprintf(map, sizeof(map), "%u %u 1\n", (unsigned)uid,
		   (unsigned)uid);
	if (!write_file("/proc/self/setgroups", "deny") ||
	    !write_file("/proc/self/uid_map", map))
		return -1;
	g_snprintf(map, sizeof(map), "%u %u 1\n", (unsigned)gid,
		   (unsigned)gid);
	if (!write_file("/proc/self/gid_map", map) ||
	    setresgid(gid, gid, gid) < 0 || setresuid(uid, uid, uid) < 0)
		return -1;
	note(r, CONFINE_USERNS, true, "uid %u and gid %u mapped to themselves",
	     (unsigned)uid, (unsigned)gid);
	return 1;
}

/* glibc loads a character set's converter when first asked (the RTF
 * reader asks for a document's code page): the converters are shown in
 * the jail, read-only. */
static const char *const gconv_dirs[] = {
	"/usr/lib/x86_64-linux-gnu/gconv", "/usr/lib/aarch64-linux-gnu/gconv",
	"/usr/lib/i386-linux-gnu/gconv", "/usr/lib64/gconv",
	"/usr/lib/gconv",
};

static bool mkdirs(const char *path)
{
	return g_mkdir_with_parents(path, 0755) == 0;
}

/* Bind src read-only at the same path under root.  Best effort. */
static void bind_ro(const char *root, const char *src)
{
	g_autofree char *dst = g_build_filename(root, src, NULL);

	if (!g_file_test(src, G_FILE_TEST_IS_DIR) || !mkdirs(dst) ||
	    mount(src, dst, "none", MS_BIND | MS_REC, NULL) < 0)
		return;
	if (mount("none", dst, "none", MS_REMOUNT | MS_BIND | MS_RDONLY |
		  MS_NOSUID | MS_NODEV, NULL) < 0)
		(void)umount2(dst, MNT_DETACH);
}

/* Step 4 with a mount namespace: an empty tmpfs as the root.  False with
 * the reason in r when the host's mounts cannot be made private (a
 * plain chroot) or a mount is refused. */
static bool empty_root(const char *scratch, guint64 fsize, guint flags,
		       struct confine_result *r)
{
	bool writable = flags & CONFINE_WRITABLE;
	char opts[96];
	size_t i;

	if (flags & CONFINE_TEST_CHROOT) {
		note(r, CONFINE_ROOT, false, "\"/\" is not a mount point "
		     "(test)");
		return false;
	}
	if (unshare(CLONE_NEWNS) < 0) {
		note(r, CONFINE_ROOT, false, "mount namespace: %s",
		     g_strerror(errno));
		return false;
	}
	/* Without this a mount of ours could show on the host. */
	if (mount("none", "/", "none", MS_REC | MS_PRIVATE, NULL) < 0) {
		note(r, CONFINE_ROOT, false, "private mounts: %s%s",
		     g_strerror(errno), errno == EINVAL ?
		     " (\"/\" is not a mount point: a chroot?)" : "");
		return false;
	}
	g_snprintf(opts, sizeof(opts), "size=%" G_GUINT64_FORMAT ",mode=%s",
		   writable ? fsize : (guint64)(1u << 20),
		   writable ? "0700" : "0755");
	if (mount("none", scratch, "tmpfs", MS_NOSUID | MS_NODEV | MS_NOEXEC,
		  opts) < 0) {
		note(r, CONFINE_ROOT, false, "tmpfs: %s", g_strerror(errno));
		return false;
	}
	for (i = 0; i < G_N_ELEMENTS(gconv_dirs); i++)
		if (g_file_test(gconv_dirs[i], G_FILE_TEST_IS_DIR)) {
			bind_ro(scratch, gconv_dirs[i]);
			break;
		}
#ifdef SCREENER_ASAN
	/* LeakSanitizer stops the process through /proc/self/task when it
	 * exits: sanitizer builds see /proc inside the jail (the parent
	 * is not dumpable, so its files there stay closed). */
	{
		g_autofree char *proc = g_build_filename(scratch, "proc",
							 NULL);

		if (mkdir(proc, 0555) < 0 ||
		    mount("/proc", proc, "none", MS_BIND | MS_REC, NULL) < 0) {
			note(r, CONFINE_ROOT, false, "/proc: %s",
			     g_strerror(errno));
			return false;
		}
	}
#endif
	if (!writable && mount("none", scratch, "none", MS_REMOUNT | MS_BIND |
			       MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC,
			       NULL) < 0) {
		note(r, CONFINE_ROOT, false, "read-only: %s",
		     g_strerror(errno));
		return false;
	}
	if (chdir(scratch) < 0) {
		note(r, CONFINE_ROOT, false, "chdir: %s", g_strerror(errno));
		return false;
	}
	/* The old root is stacked on the new one, then detached: no path
	 * leads to it any more. */
	if (syscall(SYS_pivot_root, ".", ".") < 0 ||
	    umount2(".", MNT_DETACH) < 0) {
		note(r, CONFINE_ROOT, false, "pivot_root: %s",
		     g_strerror(errno));
		return false;
	}
	if (chdir("/") < 0) {
		note(r, CONFINE_ROOT, false, "chdir: %s", g_strerror(errno));
		return false;
	}
	note(r, CONFINE_ROOT, true, "an empty %s tmpfs, the host's root "
	     "detached", writable ? "private" : "read-only");
	return true;
}

#ifndef LANDLOCK_ACCESS_FS_TRUNCATE
#define LANDLOCK_ACCESS_FS_TRUNCATE (1ULL << 14)
#endif

static void landlock_allow(int ruleset, const char *dir, guint64 rights)
{
	struct landlock_path_beneath_attr pb = { .allowed_access = rights };

	pb.parent_fd = open(dir, O_PATH | O_CLOEXEC);
	if (pb.parent_fd < 0)
		return;
	(void)syscall(SYS_landlock_add_rule, ruleset,
		      LANDLOCK_RULE_PATH_BENEATH, &pb, 0);
	close(pb.parent_fd);
}

/* Where no empty root could be made (an ordinary user without user
 * namespaces): Landlock, which any process may ask for, leaves it the
 * scratch folder (the annotator may write there) and the converters,
 * and no other file, to read or to write. */
static bool landlock_root(const char *scratch, guint flags,
			  struct confine_result *r)
{
	guint64 handled = (LANDLOCK_ACCESS_FS_MAKE_SYM << 1) - 1;
	guint64 mine = LANDLOCK_ACCESS_FS_READ_DIR;
	struct landlock_ruleset_attr attr = { 0 };
	int abi, fd;
	size_t i;

	abi = syscall(SYS_landlock_create_ruleset, NULL, 0,
		      LANDLOCK_CREATE_RULESET_VERSION);
	if (abi < 1) {
		g_strlcat(r->detail[CONFINE_ROOT], "; no Landlock either",
			  sizeof(r->detail[CONFINE_ROOT]));
		return false;
	}
	if (abi >= 2)
		handled |= LANDLOCK_ACCESS_FS_REFER;
	if (abi >= 3)
		handled |= LANDLOCK_ACCESS_FS_TRUNCATE;
	if (flags & CONFINE_WRITABLE)
		mine |= LANDLOCK_ACCESS_FS_READ_FILE |
			LANDLOCK_ACCESS_FS_WRITE_FILE |
			LANDLOCK_ACCESS_FS_REMOVE_FILE |
			LANDLOCK_ACCESS_FS_MAKE_REG |
			(handled & LANDLOCK_ACCESS_FS_TRUNCATE);
	attr.handled_access_fs = handled;
	fd = syscall(SYS_landlock_create_ruleset, &attr, sizeof(attr), 0);
	if (fd < 0)
		return false;
	landlock_allow(fd, scratch, mine);
	for (i = 0; i < G_N_ELEMENTS(gconv_dirs); i++)
		landlock_allow(fd, gconv_dirs[i],
			       LANDLOCK_ACCESS_FS_READ_FILE |
			       LANDLOCK_ACCESS_FS_READ_DIR);
	if (syscall(SYS_landlock_restrict_self, fd, 0) < 0) {
		close(fd);
		return false;
	}
	close(fd);
	note(r, CONFINE_ROOT, true, "Landlock: no file but its own empty "
	     "folder (no user namespace)");
	return true;
}

/* Step 5: no capability left, in any set.  Harmless where there were
 * none to drop. */
static void drop_capabilities(void)
{
	struct __user_cap_header_struct h = {
		.version = _LINUX_CAPABILITY_VERSION_3,
	};
	struct __user_cap_data_struct d[2];
	int cap;

	for (cap = 0; cap <= 63; cap++)
		if (prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) < 0 &&
		    errno == EINVAL)
			break;
	(void)prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0);
	memset(d, 0, sizeof(d));
	(void)syscall(SYS_capset, &h, d);
}

static bool no_capabilities(void)
{
	struct __user_cap_header_struct h = {
		.version = _LINUX_CAPABILITY_VERSION_3,
	};
	struct __user_cap_data_struct d[2];

	if (syscall(SYS_capget, &h, d) < 0)
		return false;
	return !d[0].permitted && !d[1].permitted && !d[0].effective &&
	       !d[1].effective;
}

bool confine_self(const char *scratch, guint64 fsize, guint flags,
		  struct confine_result *r)
{
	bool root = geteuid() == 0;
	uid_t uid = root ? CONFINE_NOBODY : geteuid();
	gid_t gid = root ? CONFINE_NOBODY : getegid();
	bool jailed;
	int userns;

	memset(r, 0, sizeof(*r));
	/* Step 1: the saved uid stays 0 only until we know whether the
	 * steps below need root itself (no user namespace). */
	if (root && (setgroups(0, NULL) < 0 ||
		     setresgid(gid, gid, gid) < 0 ||
		     setresuid(uid, uid, 0) < 0))
		return false;
	userns = user_namespace(uid, gid, flags, r);
	if (userns < 0 || (!userns && root && setresuid(-1, 0, -1) < 0))
		return false;

	if (unshare(CLONE_NEWNET) == 0)
		note(r, CONFINE_NET, true, "no interface but a down loopback");
	else
		note(r, CONFINE_NET, false, "%s", g_strerror(errno));
	(void)unshare(CLONE_NEWIPC);

	jailed = (userns || root) && empty_root(scratch, fsize, flags, r);
	if (!jailed && (userns || root)) {
		/* A plain chroot: the scratch folder holds nothing, and
		 * without CAP_SYS_CHROOT there is no walking out. */
		if (chroot(scratch) < 0 || chdir("/") < 0) {
			note(r, CONFINE_ROOT, false, "chroot: %s",
			     g_strerror(errno));
			if (chdir(scratch) < 0)
				return false;
		} else {
			g_autofree char *why = g_strdup(
				r->detail[CONFINE_ROOT]);

			note(r, CONFINE_ROOT, true, "a chroot into an empty "
			     "folder, no capability to leave it (%s)", why);
		}
	} else if (!jailed) {
		note(r, CONFINE_ROOT, false, "needs a user namespace or root");
		if (chdir(scratch) < 0)
			return false;
		/* After the no_new_privs the caller set: Landlock needs
		 * it. */
		(void)landlock_root(scratch, flags, r);
	}

	drop_capabilities();
	if (setresgid(gid, gid, gid) < 0 || setresuid(uid, uid, uid) < 0)
		return false;
	if (!no_capabilities() || getuid() == 0 || geteuid() == 0) {
		errno = EPERM;
		return false;
	}
	note(r, CONFINE_UID, true, "uid %u%s, no capabilities",
	     (unsigned)uid, root ? " (nobody; started as root)" : "");
	/* A change of uid may have reset it: set it last.  Not under
	 * ASan: LeakSanitizer reads our /proc/PID/task from a thread of
	 * its own, which only a dumpable process allows. */
#ifndef SCREENER_ASAN
	if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) < 0)
		return false;
#endif
	return true;
}

/* ---- the system-call allow-list ---- */

/* What the parsers, GLib, the C library and our own protocol use, found
 * by tracing the children over the test corpus. */
static const char *const allowed[] = {
	"read", "write", "readv", "writev", "pread64", "preadv", "close",
	"fstat", "newfstatat", "statx", "lseek", "fstatfs", "statfs",
	"mmap", "munmap", "mremap", "mprotect", "brk", "madvise",
	"rt_sigaction", "rt_sigprocmask", "rt_sigreturn", "sigaltstack",
	"rt_sigsuspend", "pause", "exit", "exit_group", "futex",
	"getrandom", "clock_gettime", "clock_getres", "gettimeofday", "time",
	"clock_nanosleep", "nanosleep", "getrusage", "getrlimit",
	"setrlimit", "getpid", "gettid", "getppid", "getuid", "geteuid",
	"getgid", "getegid", "getresuid", "getresgid", "poll", "ppoll",
	"sched_yield", "sched_getaffinity", "getcwd", "uname", "fcntl",
	"dup", "dup2", "dup3", "access", "faccessat", "faccessat2",
	"readlink", "readlinkat", "getdents64", "sysinfo", "rseq",
	"set_robust_list", "set_tid_address", "fadvise64",
};

/* The annotator writes its copy, reads it back and removes it. */
static const char *const allowed_writer[] = {
	"unlink", "unlinkat", "ftruncate", "fsync", "fdatasync",
};

#ifdef SCREENER_ASAN
/* LeakSanitizer's exit check: a tracer thread (clone with CLONE_VM,
 * never a fork) that ptraces the threads, with /proc. */
static const char *const allowed_asan[] = {
	"ptrace", "wait4", "waitid", "prctl", "arch_prctl", "mincore",
	"pipe", "pipe2", "sched_setaffinity", "getdents", "open",
};
#endif

#ifdef SCREENER_VALGRIND
/* valgrind runs the child's system calls and its own from the same
 * process: its scheduler, signal and thread machinery. */
static const char *const allowed_valgrind[] = {
	"rt_sigtimedwait", "tkill", "pipe", "pipe2", "prctl", "arch_prctl",
	"getpgrp", "gettid", "sched_setaffinity", "kill", "mincore",
	"openat", "open", "pread64", "fchdir", "chdir", "mknodat",
};
#endif

static int add_names(scmp_filter_ctx ctx, const char *const *names,
		     size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		int nr = seccomp_syscall_resolve_name(names[i]);
		int rc;

		if (nr == __NR_SCMP_ERROR)
			continue;	/* not on this architecture */
		rc = seccomp_rule_add(ctx, SCMP_ACT_ALLOW, nr, 0);
		if (rc < 0)
			return rc;
	}
	return 0;
}

static int add_rules(scmp_filter_ctx ctx, guint flags)
{
	/* Read-only opens only, except for the annotator's copy; the
	 * flags an open for writing or creating needs. */
	const scmp_datum_t writing = O_WRONLY | O_RDWR | O_CREAT | O_TRUNC |
				     O_APPEND;
	pid_t self = getpid();
	int rc;

	if ((rc = add_names(ctx, allowed, G_N_ELEMENTS(allowed))) < 0)
		return rc;
	if (flags & CONFINE_WRITABLE) {
		if ((rc = add_names(ctx, allowed_writer,
				    G_N_ELEMENTS(allowed_writer))) < 0 ||
		    (rc = seccomp_rule_add(ctx, SCMP_ACT_ALLOW,
					   SCMP_SYS(openat), 0)) < 0 ||
		    (rc = seccomp_rule_add(ctx, SCMP_ACT_ALLOW,
					   SCMP_SYS(open), 0)) < 0)
			return rc;
	} else if ((rc = seccomp_rule_add(ctx, SCMP_ACT_ALLOW,
					  SCMP_SYS(openat), 1,
					  SCMP_A2(SCMP_CMP_MASKED_EQ, writing,
						  0))) < 0 ||
		   (rc = seccomp_rule_add(ctx, SCMP_ACT_ALLOW,
					  SCMP_SYS(open), 1,
					  SCMP_A1(SCMP_CMP_MASKED_EQ, writing,
						  0))) < 0) {
		return rc;
	}
	/* Signals to itself only: abort() and raise(). */
	if ((rc = seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(tgkill), 1,
				   SCMP_A0(SCMP_CMP_EQ, (scmp_datum_t)self))) < 0)
		return rc;
	/* Its own limits only (the hard ones cannot rise anyway). */
	if ((rc = seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(prlimit64), 1,
				   SCMP_A0(SCMP_CMP_EQ, 0))) < 0)
		return rc;
	/* glibc tries clone3 first and falls back to clone on ENOSYS. */
	if ((rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(ENOSYS),
				   SCMP_SYS(clone3), 0)) < 0)
		return rc;
#ifdef SCREENER_ASAN
	if ((rc = add_names(ctx, allowed_asan,
			    G_N_ELEMENTS(allowed_asan))) < 0 ||
	    (rc = seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(clone), 1,
				   SCMP_A0(SCMP_CMP_MASKED_EQ, CLONE_VM,
					   CLONE_VM))) < 0)
		return rc;
#endif
#ifdef SCREENER_VALGRIND
	if ((rc = add_names(ctx, allowed_valgrind,
			    G_N_ELEMENTS(allowed_valgrind))) < 0)
		return rc;
#endif
	return 0;
}

bool confine_seccomp(guint flags, struct confine_result *r)
{
	scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_ERRNO(EPERM));
	int rc;

	if (!ctx) {
		note(r, CONFINE_SECCOMP, false, "libseccomp: cannot start");
		return false;
	}
	rc = add_rules(ctx, flags);
	if (rc == 0)
		rc = seccomp_load(ctx);
	seccomp_release(ctx);
	if (rc < 0) {
		note(r, CONFINE_SECCOMP, false, "%s", g_strerror(-rc));
		return false;
	}
	note(r, CONFINE_SECCOMP, true, "%s", flags & CONFINE_WRITABLE ?
	     "read-only opens, its own copy written" : "read-only opens");
	return true;
}
