import { describe, expect, it } from "vitest";
import { mkfs } from "@/lib/ecs/guest/fs/mkfs";
import { MemoryBlockDevice } from "@/lib/ecs/guest/testing/memory-block-device";
import { MiB, bootedWindows } from "@/lib/ecs/guest/testing/guests";

const crlf = (text: string) => text.replace(/\n/g, "\r\n");

describe("the Windows guest and its PowerShell subset", () => {
  it("brings data disks up initialized as D:, E:, … and keeps files on their sectors", async () => {
    const { guest, data } = await bootedWindows({ dataDisks: 2 });
    expect(guest.osType).toBe("windows");
    const ps = guest.openSession();
    const disks = await ps.run("Get-Disk");
    expect(disks.exitCode).toBe(0);
    expect(disks.output).toContain(
      crlf(
        "0      Red Hat VirtIO bp1system0001        Healthy      Online                 64 MB MBR\n",
      ),
    );
    expect(disks.output).toContain(
      crlf(
        "1      Red Hat VirtIO bp1data00001         Healthy      Online                 32 MB GPT\n",
      ),
    );
    const volumes = (await ps.run("Get-Volume")).output;
    expect(
      volumes
        .split("\r\n")
        .filter((line) => /^[CDE] /.test(line))
        .map((line) => line.slice(0, 1)),
    ).toEqual(["C", "D", "E"]);
    expect(volumes).toMatch(/D +NTFS +Fixed +Healthy +OK +[\d.]+ MB +32 MB/);

    expect(await ps.run('Set-Content -Path D:\\hello.txt -Value "hello from windows"')).toEqual({
      output: "",
      exitCode: 0,
    });
    expect(await ps.run("get-content d:\\HELLO.TXT")).toEqual({
      output: "hello from windows\r\n",
      exitCode: 0,
    });
    const [offset] = data[0].find("hello from windows\r\n");
    expect(await guest.locateFile("d:\\Hello.txt")).toMatchObject({
      device: "/dev/vdb",
      size: 20,
      ranges: [{ offset, length: 4096 }],
    });
    const listing = (await ps.run("Get-ChildItem D:\\")).output;
    expect(listing).toMatch(
      / {4}Directory: D:\\\r\n\r\n\r\nMode {16}LastWriteTime {9}Length Name\r\n----/,
    );
    expect(listing).toMatch(/-a---- +\d+\/\d+\/\d{4} +\d+:\d\d [AP]M +20 hello\.txt\r\n/);
  });

  it("answers errors as PowerShell does, with exit code 1", async () => {
    const { guest } = await bootedWindows();
    const ps = guest.openSession();
    expect(await ps.run("Get-Content C:\\nope.txt")).toEqual({
      exitCode: 1,
      output: crlf(
        "Get-Content : Cannot find path 'C:\\nope.txt' because it does not exist.\n" +
          "At line:1 char:1\n+ Get-Content C:\\nope.txt\n+ ~~~~~~~~~~~~~~~~~~~~~~~\n" +
          "    + CategoryInfo          : ObjectNotFound: (C:\\nope.txt:String) [Get-Content], ItemNotFoundException\n" +
          "    + FullyQualifiedErrorId : PathNotFound,Microsoft.PowerShell.Commands.GetContentCommand\n \n",
      ),
    });
    const unknown = await ps.run("Format-Disk 1");
    expect(unknown.exitCode).toBe(1);
    expect(unknown.output).toMatch(
      /^Format-Disk : The term 'Format-Disk' is not recognized as the name of a cmdlet/,
    );
    expect(unknown.output).toContain("CommandNotFoundException");
    expect((await ps.run("Set-Content -Pth x")).output).toContain(
      "A parameter cannot be found that matches parameter name 'Pth'.",
    );
    expect((await ps.run("Get-Content Q:\\x")).output).toContain(
      "Cannot find drive. A drive with the name 'Q' does not exist.",
    );
    expect((await ps.run("Set-Content C:\\nope\\x.txt a")).output).toContain(
      "Could not find a part of the path 'C:\\nope\\x.txt'.",
    );
    expect((await ps.run("Get-Content C:\\nope.txt; Write-Output fine")).exitCode).toBe(0);
    expect((await ps.run("exit 7")).exitCode).toBe(7);
  });

  it("Restart-Computer ends the session and the volumes come back with their files", async () => {
    const { guest } = await bootedWindows();
    const ps = guest.openSession();
    await ps.run(
      "New-Item -ItemType Directory -Path D:\\logs | Out-Null; Add-Content D:\\logs\\a.log one; Add-Content D:\\logs\\a.log two",
    );
    expect(await ps.run("Restart-Computer -Force")).toEqual({
      output: "",
      exitCode: 0,
      ended: "reboot",
    });
    await new Promise((resolve) => setImmediate(resolve));
    await guest.ready();
    expect((await guest.openSession().run("Get-Content D:\\logs\\a.log")).output).toBe(
      "one\r\ntwo\r\n",
    );
  });

  it("leaves a disk with a Linux filesystem RAW, and initializes one attached later", async () => {
    const { guest } = await bootedWindows({ dataDisks: 0 });
    const linuxDisk = new MemoryBlockDevice(32 * MiB);
    await mkfs(linuxDisk, { flavour: "ext4" });
    expect(await guest.attachDisk({ device: linuxDisk, diskId: "d-linux" })).toBe("/dev/vdb");
    expect(
      await guest.attachDisk({ device: new MemoryBlockDevice(32 * MiB), diskId: "d-blank" }),
    ).toBe("/dev/vdc");
    const ps = guest.openSession();
    expect((await ps.run("Get-Disk")).output).toMatch(
      /1 +Red Hat VirtIO linux +Healthy +Online +32 MB RAW/,
    );
    expect((await ps.run("Test-Path D:\\; Test-Path E:\\")).output).toBe("True\r\nFalse\r\n");
  });
});
