/**
 * The serial console of one boot (GetInstanceConsoleOutput): kernel lines stamped with the
 * seconds since boot, systemd's status lines, and, when the hypervisor reports that a disk's
 * I/O is stuck, the kernel's I/O errors and hung-task warnings.
 */
const MAX_LINES = 2000;

export class ConsoleLog {
  private lines: string[] = [];
  private bootStartedAt = 0;
  private uptime = -1;
  private hangReports = 0;

  constructor(private readonly now: () => Date) {}

  reset(): void {
    this.lines = [];
    this.bootStartedAt = this.now().getTime();
    this.uptime = -1;
    this.hangReports = 0;
  }

  /** A kernel line at `at` seconds (or a bit after the previous one / real elapsed time). */
  kernel(text: string, at?: number): void {
    const elapsed = (this.now().getTime() - this.bootStartedAt) / 1000;
    const next = this.uptime < 0 ? 0 : this.uptime + 0.000137;
    this.uptime = Math.max(next, at ?? elapsed);
    this.push(`[${this.uptime.toFixed(6).padStart(12)}] ${text}`);
  }

  systemd(text: string): void {
    this.push(`[  OK  ] ${text}`);
  }

  raw(text: string): void {
    for (const line of text.split("\n")) this.push(line);
  }

  /**
   * What a Linux kernel prints when a disk stops answering: the request failing, then the hung
   * task detector, each time the hypervisor reports that I/O is still stuck.
   */
  ioHang(device: string, task: string, kernelRelease: string): void {
    this.hangReports++;
    const sector = 2048 * this.hangReports;
    this.kernel(
      `blk_update_request: I/O error, dev ${device}, sector ${sector} op 0x0:(READ) flags 0x0 phys_seg 1 prio class 0`,
    );
    this.kernel(`Buffer I/O error on dev ${device}, logical block ${sector / 8}, async page read`);
    const blocked = 120 * this.hangReports;
    this.kernel(`INFO: task ${task} blocked for more than ${blocked} seconds.`, blocked + 2.5);
    this.kernel(`      Not tainted ${kernelRelease} #1`);
    this.kernel(`"echo 0 > /proc/sys/kernel/hung_task_timeout_secs" disables this message.`);
  }

  /** Windows logs the same to its System event log; the serial console shows this. */
  windowsIoHang(diskNumber: number): void {
    this.hangReports++;
    this.push(
      `Disk ${diskNumber}: The IO operation at logical block address 0x800 for Disk ${diskNumber} was retried. (Event ID 153)`,
    );
    this.push(
      `The device, \\Device\\Harddisk${diskNumber}\\DR${diskNumber}, has a bad block. (Event ID 7)`,
    );
  }

  private push(line: string): void {
    this.lines.push(line);
    if (this.lines.length > MAX_LINES) this.lines.splice(0, this.lines.length - MAX_LINES);
  }

  text(): string {
    return this.lines.length ? `${this.lines.join("\n")}\n` : "";
  }
}
