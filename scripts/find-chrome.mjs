// Finds a system Chrome/Chromium for the end-to-end tests. Never downloads a browser:
// CHROME_PATH first, then the usual install paths; on Debian as root, installs the
// `chromium` apt package; otherwise fails with a message saying what to do.
// Run directly (`node scripts/find-chrome.mjs`) it prints the path it found on stdout.
import { accessSync, constants, existsSync, readFileSync, realpathSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The usual places, in order of preference. */
export const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
];

/**
 * @param {string} file
 * @returns {boolean}
 */
function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** @returns {string | undefined} the first executable candidate, if any */
function findInstalled() {
  return CANDIDATES.find(isExecutable);
}

/**
 * Debian proper (and derivatives that are not Ubuntu: there `chromium` is a snap shim).
 * @returns {boolean}
 */
function isDebian() {
  if (!existsSync('/etc/os-release')) return existsSync('/etc/debian_version');
  const osRelease = readFileSync('/etc/os-release', 'utf8');
  /** @param {string} key */
  const field = (key) =>
    (new RegExp(`^${key}=["']?([^"'\\n]*)`, 'm').exec(osRelease)?.[1] ?? '').toLowerCase();
  const ids = [field('ID'), ...field('ID_LIKE').split(/\s+/)];
  return ids.includes('debian') && !ids.includes('ubuntu');
}

/** @returns {boolean} */
function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/**
 * Runs an apt-get command, output to stderr so that stdout stays just the path.
 * @param {string[]} args
 */
function aptGet(args) {
  const result = spawnSync(
    'apt-get',
    // Wait for another apt/dpkg (e.g. unattended upgrades) rather than failing on the lock.
    ['-o', 'DPkg::Lock::Timeout=600', ...args],
    {
      stdio: ['ignore', process.stderr, 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    },
  );
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(`find-chrome: \`apt-get ${args.join(' ')}\` exited with ${result.status}.`);
  }
}

/**
 * Returns the path of a usable Chrome/Chromium executable, installing Debian's
 * `chromium` package when none is found and we are root on Debian.
 * @returns {string}
 * @throws {Error} when CHROME_PATH is wrong or nothing can be found or installed
 */
export function findChrome() {
  const fromEnv = process.env['CHROME_PATH'];
  if (fromEnv) {
    if (isExecutable(fromEnv)) return fromEnv;
    throw new Error(
      `find-chrome: CHROME_PATH is set to "${fromEnv}", which is not an executable file. ` +
        'Point CHROME_PATH at a Chrome or Chromium binary, or unset it to search the usual paths.',
    );
  }

  const installed = findInstalled();
  if (installed) return installed;

  if (isDebian() && isRoot()) {
    console.error(
      'find-chrome: no Chrome/Chromium found; installing the Debian `chromium` package…',
    );
    aptGet(['update']);
    aptGet(['install', '-y', 'chromium']);
    const afterInstall = findInstalled();
    if (afterInstall) return afterInstall;
  }

  throw new Error(
    'find-chrome: no Chrome or Chromium found (looked in ' +
      CANDIDATES.join(', ') +
      '). Install one (e.g. `sudo apt-get install chromium` on Debian) or set CHROME_PATH ' +
      'to the path of a Chrome/Chromium executable. The tests never download a browser.',
  );
}

/** @returns {boolean} whether this file is the script node was asked to run */
function isMain() {
  const argv1 = process.argv[1];
  if (!argv1) return false;
  try {
    return realpathSync(argv1) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  try {
    console.log(findChrome());
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}
