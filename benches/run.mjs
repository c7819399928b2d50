// `make bench`: runs every benchmark side by side with its reference libraries and prints
// their tables. Benchmarks are measurements, never pass/fail tests: the figures go in the
// closing notes of the issues and in the README.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });

if (existsSync('benches/requirements.txt')) {
  // The Python reference libraries (workalendar, numpy) at pinned versions.
  run('python3', ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '-r', 'benches/requirements.txt']);
}
run('cargo', ['bench']);
for (const script of readdirSync('benches').filter((f) => f.endsWith('.mjs') && f !== 'run.mjs').sort()) {
  console.log(`\n== benches/${script}`);
  run('node', [`benches/${script}`]);
}
