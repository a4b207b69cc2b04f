/**
 * A process started by a launcher (scripts/serve.mjs, scripts/start.mjs) ends with it: the
 * launcher names itself in REPORT_ANNOTATOR_PARENT_PID, and when this process's parent is no
 * longer that process (the launcher died, even by KILL, and this one was re-parented) `onGone`
 * runs. Without the variable nothing is watched.
 */
export function watchLauncher(onGone: () => void, env: Record<string, string | undefined> = process.env, intervalMs = 300): () => void {
  const launcher = Number(env.REPORT_ANNOTATOR_PARENT_PID);
  // not passed on to the processes this one starts (workers)
  delete env.REPORT_ANNOTATOR_PARENT_PID;
  if (!Number.isInteger(launcher) || launcher <= 1) return () => {};
  if (process.ppid !== launcher) {
    // already orphaned (or started by someone else with the variable set): end now
    queueMicrotask(onGone);
    return () => {};
  }
  const timer = setInterval(() => {
    if (process.ppid !== launcher) {
      clearInterval(timer);
      onGone();
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
