import os from 'node:os';

/** What a benchmark result depends on: CPU, cores, memory, Node/V8 versions, OS, date. */
export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGB: number;
  node: string;
  v8: string;
  platform: string;
  date: string;
  /** 1-, 5- and 15-minute load averages: other processes competing for the cores. */
  loadAverage: number[];
}

/** Reads the machine description from `os` and `process`. */
export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() || 'unknown',
    cores: cpus.length,
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    v8: process.versions.v8,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    loadAverage: os.loadavg(),
  };
}
