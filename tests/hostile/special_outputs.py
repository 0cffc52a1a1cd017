#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""`-o` onto something that is not a plain file, through the tool.

Every output is written to a temporary file and renamed over its target,
which is right for a regular file and wrong for anything else: renaming
over a device node or a FIFO replaces it with a regular file (as root,
`-o /dev/null` would replace the system's /dev/null). The promises:

- a target that exists and is not a regular file (character device, FIFO,
  socket, /dev/stdout) is written in place, never replaced;
- a symbolic link is followed: the file it points to is replaced and the
  link stays a link (a dangling link creates its target);
- an existing file keeps its permission bits (0600 stays 0600).

The device cases use a node made in a temporary folder with mknod (the
same device as /dev/null), so a regression replaces that node, not the
system's; they are skipped when not running as root. Output is TAP.

usage: special_outputs.py ENTENTE SOURCE_ROOT
"""
import os
import select
import socket
import stat
import subprocess
import sys
import tempfile
import threading
import time

INPUT = 'examples/cyber-pact.events.json'


class Tap:
    def __init__(self):
        self.n = 0
        self.failed = 0

    def ok(self, cond, name, detail=''):
        self.n += 1
        if cond:
            print(f'ok {self.n} - {name}')
        else:
            self.failed += 1
            print(f'not ok {self.n} - {name}')
            for line in str(detail).splitlines():
                print(f'# {line}')

    def skip(self, name, why):
        self.n += 1
        print(f'ok {self.n} - {name} # SKIP {why}')


def run(exe, root, out, stdout=subprocess.PIPE):
    return subprocess.run([exe, 'analyze', INPUT, '--format', 'json',
                           '-o', out], cwd=root, stdout=stdout,
                          stderr=subprocess.PIPE, timeout=60)


def expected(exe, root):
    return subprocess.run([exe, 'analyze', INPUT, '--format', 'json'],
                          cwd=root, capture_output=True, check=True,
                          timeout=60).stdout


def leftovers(folder):
    return [n for n in os.listdir(folder) if '.tmp.' in n]


def main():
    exe, root = os.path.abspath(sys.argv[1]), sys.argv[2]
    t = Tap()
    want = expected(exe, root)
    with tempfile.TemporaryDirectory(prefix='entente-special-') as tmp:
        # character device: a private node of /dev/null's device
        dev = os.path.join(tmp, 'null')
        if os.geteuid() == 0:
            os.mknod(dev, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
            p = run(exe, root, dev)
            st = os.lstat(dev)
            t.ok(p.returncode == 0, 'character device: exit 0', p.stderr)
            t.ok(stat.S_ISCHR(st.st_mode) and st.st_rdev == os.makedev(1, 3),
                 'character device: still the same device node')
            t.ok(not leftovers(tmp), 'character device: no temporary file')
        else:
            for what in ('exit 0', 'still the device', 'no temporary file'):
                t.skip('character device: ' + what, 'mknod needs root')

        # FIFO: a reader gets the whole output and the FIFO stays a FIFO.
        # The reader opens without blocking, so that a tool that replaces
        # the FIFO instead of opening it cannot hang the test.
        fifo = os.path.join(tmp, 'pipe')
        os.mkfifo(fifo)
        rfd = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
        chunks = []
        done = threading.Event()

        def reader():
            while True:
                r, _, _ = select.select([rfd], [], [], 0.05)
                data = os.read(rfd, 65536) if r else b''
                if data:
                    chunks.append(data)
                elif done.is_set():
                    return
                else:
                    time.sleep(0.01)  # no writer yet: EOF at once
        th = threading.Thread(target=reader)
        th.start()
        p = run(exe, root, fifo)
        done.set()
        th.join(30)
        os.close(rfd)
        t.ok(p.returncode == 0, 'FIFO: exit 0', p.stderr)
        t.ok(b''.join(chunks) == want, 'FIFO: the reader gets the output')
        t.ok(stat.S_ISFIFO(os.lstat(fifo).st_mode), 'FIFO: still a FIFO')
        t.ok(not leftovers(tmp), 'FIFO: no temporary file')

        # socket: cannot be opened for writing; an error, and it stays
        sock_path = os.path.join(tmp, 'sock')
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        s.bind(sock_path)
        p = run(exe, root, sock_path)
        err = p.stderr.decode()
        t.ok(p.returncode == 1 and err.count('\n') == 1 and
             err.startswith(f'entente: {sock_path}: cannot open output:'),
             'socket: one-line error, exit 1', err)
        t.ok(stat.S_ISSOCK(os.lstat(sock_path).st_mode),
             'socket: still a socket')
        s.close()

        # /dev/stdout: written in place, through the caller's descriptor
        with open(os.path.join(tmp, 'captured'), 'wb+') as f:
            p = run(exe, root, '/dev/stdout', stdout=f)
            f.seek(0)
            data = f.read()
        t.ok(p.returncode == 0 and data == want,
             '/dev/stdout onto a file: the output arrives', p.stderr)
        p = run(exe, root, '/dev/stdout')
        t.ok(p.returncode == 0 and p.stdout == want,
             '/dev/stdout onto a pipe: the output arrives', p.stderr)

        # symbolic link: the file it names is replaced, the link stays
        real = os.path.join(tmp, 'real.json')
        link = os.path.join(tmp, 'link.json')
        with open(real, 'w') as f:
            f.write('earlier\n')
        os.symlink('real.json', link)
        p = run(exe, root, link)
        t.ok(p.returncode == 0, 'symlink: exit 0', p.stderr)
        t.ok(os.path.islink(link) and os.readlink(link) == 'real.json',
             'symlink: still a link to the same name')
        with open(real, 'rb') as f:
            t.ok(f.read() == want, 'symlink: the file it names is replaced')

        # a chain of two links, then a dangling one that creates its target
        link2 = os.path.join(tmp, 'link2.json')
        os.symlink(link, link2)
        p = run(exe, root, link2)
        t.ok(p.returncode == 0 and os.path.islink(link2) and
             os.path.islink(link), 'chain of links: both stay links',
             p.stderr)
        dangling = os.path.join(tmp, 'dangling.json')
        os.symlink('created.json', dangling)
        p = run(exe, root, dangling)
        created = os.path.join(tmp, 'created.json')
        t.ok(p.returncode == 0 and os.path.islink(dangling) and
             os.path.isfile(created), 'dangling link: its target is created',
             p.stderr + str(os.listdir(tmp)).encode())
        loop = os.path.join(tmp, 'loop')
        os.symlink('loop', loop)
        p = run(exe, root, loop)
        t.ok(p.returncode == 1 and os.path.islink(loop) and
             b'Too many levels of symbolic links' in p.stderr,
             'a link to itself: one-line error, the link stays', p.stderr)

        # an existing file keeps its mode
        private = os.path.join(tmp, 'private.json')
        with open(private, 'w') as f:
            f.write('earlier\n')
        os.chmod(private, 0o600)
        old_mask = os.umask(0o022)
        try:
            p = run(exe, root, private)
        finally:
            os.umask(old_mask)
        t.ok(p.returncode == 0 and
             stat.S_IMODE(os.stat(private).st_mode) == 0o600,
             'a 0600 file stays 0600', oct(os.stat(private).st_mode))
        os.chmod(private, 0o640)
        p = run(exe, root, private)
        t.ok(stat.S_IMODE(os.stat(private).st_mode) == 0o640,
             'a 0640 file stays 0640')
        fresh = os.path.join(tmp, 'fresh.json')
        old_mask = os.umask(0o027)
        try:
            p = run(exe, root, fresh)
        finally:
            os.umask(old_mask)
        t.ok(stat.S_IMODE(os.stat(fresh).st_mode) == 0o640,
             'a new file gets 0666 less the umask',
             oct(os.stat(fresh).st_mode))
        t.ok(not leftovers(tmp), 'no temporary file left anywhere',
             leftovers(tmp))
    print(f'1..{t.n}')
    return 1 if t.failed else 0


if __name__ == '__main__':
    sys.exit(main())
