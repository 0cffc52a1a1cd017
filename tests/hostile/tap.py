# SPDX-License-Identifier: MIT
"""TAP output for the hostile scripts: numbered ok / not ok lines with the
detail of a failure as comments, a skipped check, and the plan at the end.
The scripts import it from their own folder (Python puts a script's folder
first on its path)."""


class Tap:
    def __init__(self):
        self.n = 0
        self.failed = 0

    def check(self, cond, name, detail=''):
        """One check; its detail (a string of lines) is printed when it
        fails. Returns whether it held."""
        self.n += 1
        print(('ok' if cond else 'not ok') + f' {self.n} - {name}')
        if not cond:
            self.failed += 1
            for line in str(detail).splitlines():
                print('# ' + line)
        return bool(cond)

    def skip(self, name, why):
        self.n += 1
        print(f'ok {self.n} - {name} # SKIP {why}')

    def finish(self):
        """Print the plan; the exit status: 1 when a check failed."""
        print(f'1..{self.n}')
        return 1 if self.failed else 0
