// posix_spawn's session, chdir and closefrom options are GNU extensions, which Swift's Glibc
// module does not declare; this file is compiled with them.
#define _GNU_SOURCE
#include "child_spawn.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/syscall.h>
#include <unistd.h>

int ytq_spawn_child(const char *path, char *const argv[], char *const envp[], const char *cwd,
                    int stdout_fd, int stderr_fd, pid_t *pid) {
    posix_spawn_file_actions_t actions;
    posix_spawnattr_t attributes;
    int rc = posix_spawn_file_actions_init(&actions);
    if (rc != 0) return rc;
    rc = posix_spawnattr_init(&attributes);
    if (rc != 0) {
        posix_spawn_file_actions_destroy(&actions);
        return rc;
    }
    sigset_t none, defaults;
    sigemptyset(&none);
    // Signals this process ignores (SIGPIPE, SIGINT, …) would stay ignored across exec.
    sigfillset(&defaults);
    sigdelset(&defaults, SIGKILL);
    sigdelset(&defaults, SIGSTOP);
    if ((rc = posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)) == 0
        && (rc = posix_spawn_file_actions_adddup2(&actions, stdout_fd, 1)) == 0
        && (rc = posix_spawn_file_actions_adddup2(&actions, stderr_fd, 2)) == 0
        && (rc = posix_spawn_file_actions_addclosefrom_np(&actions, 3)) == 0
        && (rc = posix_spawn_file_actions_addchdir_np(&actions, cwd)) == 0
        && (rc = posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSID | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF)) == 0
        && (rc = posix_spawnattr_setsigmask(&attributes, &none)) == 0
        && (rc = posix_spawnattr_setsigdefault(&attributes, &defaults)) == 0) {
        rc = posix_spawn(pid, path, &actions, &attributes, argv, envp);
    }
    posix_spawnattr_destroy(&attributes);
    posix_spawn_file_actions_destroy(&actions);
    return rc;
}

int ytq_pipe_cloexec(int fds[2]) {
    return pipe2(fds, O_CLOEXEC);
}

int ytq_pidfd_open(pid_t pid) {
#ifdef SYS_pidfd_open
    return (int)syscall(SYS_pidfd_open, pid, 0);
#else
    errno = ENOSYS;
    return -1;
#endif
}
