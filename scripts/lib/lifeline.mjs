// The launcher scripts (npm start, npm run serve) and the process they start live and die
// together. npm runs a script as `npm → sh -c → node scripts/x.mjs`: a TERM to npm reaches the
// shell, which dies without passing it on, and a KILL reaches nobody. So the launcher watches its
// parent (and the parent's parent when the parent is a shell) and stops its child when one is
// gone; it forwards INT/TERM/HUP; and it names itself to the child (REPORT_ANNOTATOR_PARENT_PID),
// which watches it in turn (src/main/lifeline.ts), so a KILLed launcher ends the child as well.
import { existsSync, readFileSync } from 'node:fs';

const SHELLS = new Set(['sh', 'dash', 'bash', 'zsh', 'ash', 'ksh', 'busybox', 'cmd.exe', 'powershell.exe', 'pwsh']);
const PROC = existsSync('/proc/self/stat');

/** comm, state and ppid of a process from /proc (Linux); null when it does not exist. */
function procStat(pid) {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = s.lastIndexOf(')');
    const rest = s.slice(close + 2).split(' ');
    return { comm: s.slice(s.indexOf('(') + 1, close), state: rest[0], ppid: Number(rest[1]) };
  } catch {
    return null;
  }
}

export function isAlive(pid) {
  if (PROC) {
    const st = procStat(pid);
    return st !== null && st.state !== 'Z' && st.state !== 'X';
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e?.code === 'EPERM';
  }
}

/** The processes whose end ends this one: the parent, and its parent when the parent is a shell. */
export function watchedAncestors() {
  const parent = process.ppid;
  const out = [parent];
  const st = PROC ? procStat(parent) : null;
  if (st && SHELLS.has(st.comm) && st.ppid > 1) out.push(st.ppid);
  return out;
}

/**
 * Runs `child` (a ChildProcess) tied to this process: signals are forwarded, the child is stopped
 * when a watched ancestor goes, and this process exits with the child.
 */
export function tieToChild(child, { intervalMs = 300 } = {}) {
  const ancestors = watchedAncestors();
  const parent = process.ppid;
  let stopping = false;
  const stop = (sig) => {
    if (stopping && sig !== 'SIGKILL') return;
    stopping = true;
    if (child.exitCode === null && child.signalCode === null) child.kill(sig);
    // a child that does not stop in time is killed
    setTimeout(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }, 5000).unref();
  };
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => stop(sig));
  const timer = setInterval(() => {
    if (process.ppid !== parent || !ancestors.every(isAlive)) {
      clearInterval(timer);
      stop('SIGTERM');
    }
  }, intervalMs);
  timer.unref();
  child.on('exit', (code, signal) => {
    clearInterval(timer);
    process.exit(code ?? (signal ? 1 : 0));
  });
}

/** The environment for the child: it watches this process (src/main/lifeline.ts). */
export function childEnv() {
  return { ...process.env, REPORT_ANNOTATOR_PARENT_PID: String(process.pid) };
}
