import { describe, expect, it } from "vitest";
import { UBUNTU_IMAGE, bootedLinux } from "@/lib/ecs/guest/testing/guests";

const settle = async () => {
  for (let i = 0; i < 10; i++) await new Promise((resolve) => setImmediate(resolve));
};

async function terminal(imageId?: string) {
  const { guest } = await bootedLinux({ imageId });
  let screen = "";
  const closed: string[] = [];
  const term = guest.openTerminal({
    onOutput: (text) => (screen += text),
    onClose: (reason) => closed.push(reason),
  });
  await settle();
  const type = async (line: string) => {
    const start = screen.length;
    term.input(line);
    await settle();
    return screen.slice(start);
  };
  return { guest, term, type, closed, screen: () => screen };
}

describe("the console's terminal", () => {
  it("greets, prompts with the working directory, and echoes what is typed", async () => {
    const { type, screen } = await terminal();
    expect(screen()).toBe(
      "\nWelcome to Alibaba Cloud Elastic Compute Service !\n\n[root@iZbp1test01Z ~]# ",
    );
    expect(await type("cd /etc")).toBe("cd /etc\n[root@iZbp1test01Z etc]# ");
    expect(await type("cat hostname")).toBe(
      "cat hostname\niZbp1test01Z\n[root@iZbp1test01Z etc]# ",
    );
  });

  it("uses Ubuntu's prompt on Ubuntu", async () => {
    const { type, screen } = await terminal(UBUNTU_IMAGE);
    expect(screen()).toMatch(/^Welcome to Ubuntu 22\.04\.4 LTS[^]*root@iZbp1test01Z:~# $/);
    expect(await type("cd /tmp")).toBe("cd /tmp\nroot@iZbp1test01Z:/tmp# ");
  });

  it("continues unfinished lines, and lays ls out in columns", async () => {
    const { type } = await terminal();
    expect(await type("echo one &&")).toBe("echo one &&\n> ");
    expect(await type("echo two")).toBe("echo two\none\ntwo\n[root@iZbp1test01Z ~]# ");
    expect(await type("cat <<EOF")).toBe("cat <<EOF\n> ");
    expect(await type("typed $HOSTNAME")).toBe("typed $HOSTNAME\n> ");
    expect(await type("EOF")).toBe("EOF\ntyped iZbp1test01Z\n[root@iZbp1test01Z ~]# ");
    expect(await type("ls /")).toBe(
      "ls /\nbin   dev  home  lib64       media  opt   root  sbin  sys  usr\nboot  etc  lib   lost+found  mnt    proc  run   srv   tmp  var\n[root@iZbp1test01Z ~]# ",
    );
  });

  it("asks before formatting over a filesystem, as mke2fs does on a terminal", async () => {
    const { type } = await terminal();
    await type("mkfs.ext4 -q /dev/vdb");
    const asked = await type("mkfs.ext4 /dev/vdb");
    expect(asked).toMatch(
      /^mkfs\.ext4 \/dev\/vdb\nmke2fs 1\.46\.0 \(29-Jan-2020\)\n\/dev\/vdb contains a ext4 file system\n\tcreated on .*\nProceed anyway\? \(y,N\) $/,
    );
    expect(await type("n")).toBe("n\n[root@iZbp1test01Z ~]# ");
    expect(await type("echo $?")).toBe("echo $?\n1\n[root@iZbp1test01Z ~]# ");
    await type("mkfs.ext4 /dev/vdb");
    expect(await type("y")).toMatch(/^y\nCreating filesystem with 8192 4k blocks/);
  });

  it("Ctrl-C stops a running command", async () => {
    const { term, type, screen } = await terminal();
    await type("sleep 600");
    term.interrupt();
    await settle();
    expect(screen().endsWith("sleep 600\n^C\n[root@iZbp1test01Z ~]# ")).toBe(true);
  });

  it("closes on exit, and on reboot with the connection closed", async () => {
    const first = await terminal();
    expect(await first.type("exit")).toBe("exit\nlogout\n");
    expect(first.closed).toEqual(["exit"]);
    expect(first.term.isClosed).toBe(true);

    const second = await terminal();
    const other = second.guest.openTerminal({ onOutput: () => {} });
    expect(await second.type("sudo reboot")).toBe(
      "sudo reboot\n\nConnection to instance closed.\n",
    );
    expect(second.closed).toEqual(["reboot"]);
    expect(other.isClosed).toBe(true);
  });

  it("shows the terminal's text on the instance's screen", async () => {
    const { guest, type } = await terminal();
    await type("echo visible on screen");
    expect(guest.screen().isBlack).toBe(false);
    expect(guest.screenText().split("\n").slice(-3)).toEqual([
      "[root@iZbp1test01Z ~]# echo visible on screen",
      "visible on screen",
      "[root@iZbp1test01Z ~]# ",
    ]);
  });
});
