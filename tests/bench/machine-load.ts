/**
 * How busy the machine was while a benchmark ran, printed beside its figures. On a shared virtual
 * machine the same code can measure 1.5× slower from one hour to the next: the time the host gave
 * to other guests (CPU steal) says whether two runs can be compared at all.
 */
import { cpus, loadavg } from 'node:os';
import { readFileSync } from 'node:fs';

interface CpuTicks {
  total: number;
  steal: number;
  idle: number;
}

/** The machine's CPU ticks so far (Linux /proc/stat); undefined elsewhere. */
function readTicks(): CpuTicks | undefined {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!;
    // cpu user nice system idle iowait irq softirq steal guest guest_nice
    const fields = line.trim().split(/\s+/).slice(1).map(Number);
    const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = fields;
    return { total: user + nice + system + idle + iowait + irq + softirq + steal, steal, idle: idle + iowait };
  } catch {
    return undefined;
  }
}

/** Starts watching; the function returned describes the load since then, in one line. */
export function watchMachineLoad(): () => string {
  const start = readTicks();
  return () => {
    const end = readTicks();
    const cores = `${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)}`;
    if (!start || !end || end.total <= start.total) return cores;
    const total = end.total - start.total;
    const steal = (100 * (end.steal - start.steal)) / total;
    const busy = (100 * (total - (end.idle - start.idle))) / total;
    return `${cores}; during the run the CPUs were ${busy.toFixed(0)}% busy, ${steal.toFixed(1)}% taken by the host (steal)`;
  };
}
