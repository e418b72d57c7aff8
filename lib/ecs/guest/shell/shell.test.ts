import { beforeAll, describe, expect, it } from "vitest";
import type { LinuxGuest } from "@/lib/ecs/guest/linux-guest";
import { bootedLinux } from "@/lib/ecs/guest/testing/guests";

const MKE2FS = "mke2fs 1.46.0 (29-Jan-2020)\n";

describe("the Linux shell: outputs and exit codes as Linux gives them", () => {
  let guest: LinuxGuest;
  beforeAll(async () => {
    guest = (await bootedLinux()).guest;
  });

  it.each<[string, string, number]>([
    ["foo", "bash: foo: command not found\n", 127],
    ["sudo foo", "sudo: foo: command not found\n", 1],
    ["./setup.sh", "bash: ./setup.sh: No such file or directory\n", 127],
    ["/etc/hostname", "bash: /etc/hostname: Permission denied\n", 126],
    ["/usr/bin/echo via path", "via path\n", 0],
    ["cat /nope", "cat: /nope: No such file or directory\n", 1],
    ["cat /etc", "cat: /etc: Is a directory\n", 1],
    ["ls /nope", "ls: cannot access '/nope': No such file or directory\n", 2],
    ["ls -z", "ls: invalid option -- 'z'\nTry 'ls --help' for more information.\n", 2],
    ["mkdir /etc", "mkdir: cannot create directory ‘/etc’: File exists\n", 1],
    ["mkdir /a/b/c", "mkdir: cannot create directory ‘/a/b/c’: No such file or directory\n", 1],
    ["mkdir -p /p/q/r && ls /p/q", "r\n", 0],
    ["rm /nope", "rm: cannot remove '/nope': No such file or directory\n", 1],
    ["rm -f /nope", "", 0],
    ["rm /tmp", "rm: cannot remove '/tmp': Is a directory\n", 1],
    ["rm", "rm: missing operand\nTry 'rm --help' for more information.\n", 1],
    [
      "rm -rf /",
      "rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n",
      1,
    ],
    ["rmdir /etc", "rmdir: failed to remove '/etc': Directory not empty\n", 1],
    ["touch /nope/x", "touch: cannot touch '/nope/x': No such file or directory\n", 1],
    ["echo hi > /nope/x", "bash: /nope/x: No such file or directory\n", 1],
    ["echo hi > /tmp", "bash: /tmp: Is a directory\n", 1],
    ["cd /nope", "bash: cd: /nope: No such file or directory\n", 1],
    ["cd /etc/hostname", "bash: cd: /etc/hostname: Not a directory\n", 1],
    ["cd /tmp && pwd && cd - && pwd", "/tmp\n/root\n/root\n", 0],
    ["true && echo yes || echo no", "yes\n", 0],
    ["false && echo yes || echo no", "no\n", 0],
    ["false; echo $?", "1\n", 0],
    ["foo; echo $?", "bash: foo: command not found\n127\n", 0],
    ["! true; echo $?", "1\n", 0],
    ["echo a > /tmp/f; echo b >> /tmp/f; cat /tmp/f", "a\nb\n", 0],
    ['echo \'a  b\' "$HOME" ~ "" end', "a  b /root /root  end\n", 0],
    ["X=world; echo hello $X ${X}s", "hello world worlds\n", 0],
    ["echo $(echo nested) `hostname`", "nested iZbp1test01Z\n", 0],
    ["ls /nope 2>/dev/null; echo $?", "2\n", 0],
    [
      "ls /nope > /tmp/out 2>&1; cat /tmp/out",
      "ls: cannot access '/nope': No such file or directory\n",
      0,
    ],
    ["cat < /etc/hostname", "iZbp1test01Z\n", 0],
    ["echo -n a; echo b; echo -e 'c\\td'", "ab\nc\td\n", 0],
    ["printf '%s-%d\\n' x 3 y 4", "x-3\ny-4\n", 0],
    ["cat /etc/hostname | wc -l", "1\n", 0],
    ["head -n 2 /etc/os-release", 'NAME="Alibaba Cloud Linux"\nVERSION="3 (Soaring Falcon)"\n', 0],
    ["tail -1 /etc/os-release", 'HOME_URL="https://www.aliyun.com/"\n', 0],
    ["wc -c /etc/hostname", "13 /etc/hostname\n", 0],
    ["head /nope", "head: cannot open '/nope' for reading: No such file or directory\n", 1],
    ["grep PRETTY /etc/os-release", 'PRETTY_NAME="Alibaba Cloud Linux 3 (Soaring Falcon)"\n', 0],
    ["grep -c ID /etc/os-release", "5\n", 0],
    ["grep nope /etc/os-release", "", 1],
    ["grep x /nope", "grep: /nope: No such file or directory\n", 2],
    ["set -e; false; echo never", "", 1],
    ["set -e; false || echo recovered", "recovered\n", 0],
    ["exit 3; echo never", "", 3],
    ["touch /tmp/g1 /tmp/g2; ls /tmp/g*; echo /tmp/zz*", "/tmp/g1\n/tmp/g2\n/tmp/zz*\n", 0],
    ["cp /nope /tmp", "cp: cannot stat '/nope': No such file or directory\n", 1],
    ["cp /etc /tmp/x", "cp: -r not specified; omitting directory '/etc'\n", 1],
    ["cp -r /etc /tmp/etc2 && cat /tmp/etc2/hostname", "iZbp1test01Z\n", 0],
    ["mv /nope /tmp", "mv: cannot stat '/nope': No such file or directory\n", 1],
    [
      "echo m > /tmp/m1; mv /tmp/m1 /tmp/m2; cat /tmp/m2; ls /tmp/m1",
      "m\nls: cannot access '/tmp/m1': No such file or directory\n",
      2,
    ],
    ["mount /dev/vdz /mnt", "mount: /mnt: special device /dev/vdz does not exist.\n", 32],
    ["mount /dev/vdb /nope", "mount: /nope: mount point does not exist.\n", 32],
    ["mount /dev/vdb /etc/hostname", "mount: /etc/hostname: mount point is not a directory.\n", 32],
    ["mount /dev/vdb", "mount: /dev/vdb: can't find in /etc/fstab.\n", 1],
    ["umount /nope", "umount: /nope: no mount point specified.\n", 32],
    ["umount /mnt", "umount: /mnt: not mounted.\n", 32],
    ["umount /", "umount: /: target is busy.\n", 32],
    [
      "mkfs.ext4 /dev/vdz",
      `${MKE2FS}The file /dev/vdz does not exist and no size was specified.\n`,
      1,
    ],
    ["mkfs.ext4 /dev/vda", `${MKE2FS}/dev/vda is mounted; will not make a filesystem here!\n`, 1],
    ["mkfs -t ext4 -q /dev/vdb && blkid /dev/vdb | grep -c ext4", "1\n", 0],
    ["mkfs -t xfs /dev/vdb", "mkfs: failed to execute mkfs.xfs: No such file or directory\n", 1],
    ["echo (", "bash: syntax error near unexpected token `('\nbash: `echo ('\n", 2],
    [
      "uname -r; whoami; id",
      "5.10.134-16.3.al8.x86_64\nroot\nuid=0(root) gid=0(root) groups=0(root)\n",
      0,
    ],
    [
      "which ls mount; which foo",
      "/usr/bin/ls\n/usr/bin/mount\n/usr/bin/which: no foo in (/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/root/bin)\n",
      1,
    ],
    ["type cd; type lsblk", "cd is a shell builtin\nlsblk is /usr/bin/lsblk\n", 0],
    ["sleep x", "sleep: invalid time interval 'x'\nTry 'sleep --help' for more information.\n", 1],
    ["chmod 600 /tmp/f && ls -l /tmp/f | cut", "bash: cut: command not found\n", 127],
    [
      'cat > /tmp/conf <<EOF\nhost=$(hostname)\nquote="x"\nEOF\ncat /tmp/conf',
      'host=iZbp1test01Z\nquote="x"\n',
      0,
    ],
    ["cat <<'EOF' | wc -l\n$NOT expanded\nsecond\nEOF", "2\n", 0],
    ["for i in 1 2 3; do echo $i; done", "1\n2\n3\n", 0],
    ["for i in $(seq 3); do echo -n $i; done; echo", "123\n", 0],
    ["i=0; while [ $i -lt 3 ]; do echo $i; i=$((i + 1)); done", "0\n1\n2\n", 0],
    ["echo $((2 ** 10 - 24)) $(( (7 + 3) / 3 )) $((7 % 4))", "1000 3 3\n", 0],
    ["echo $((1 / 0)); echo after", "bash: 1 / 0: division by 0\nafter\n", 0],
    ["if [ -d /etc ]; then echo dir; fi", "dir\n", 0],
    [
      "if test -f /nope; then echo yes; elif [ -e /etc/hostname ]; then echo elif; else echo no; fi",
      "elif\n",
      0,
    ],
    ["for d in a b; do mkdir -p /tmp/loop/$d; done; ls /tmp/loop", "a\nb\n", 0],
    ["while true; do break; done; echo out", "out\n", 0],
    ["for i in 1 2 3; do if [ $i = 2 ]; then continue; fi; echo $i; done", "1\n3\n", 0],
    ["for i in 1 2; do for j in a b; do echo $i$j; break 2; done; done", "1a\n", 0],
    ["[ 1 -lt 2", "bash: [: missing `]'\n", 2],
    ["[ a -lt 2 ]", "bash: [: a: integer expression expected\n", 2],
    ["{ echo a; echo b; } > /tmp/grp; cat /tmp/grp", "a\nb\n", 0],
    ["for i in 1 2; do echo $i; done | wc -l", "2\n", 0],
    ["set -e; if false; then echo no; fi; echo still", "still\n", 0],
    ["if true; then echo no fi", "bash: syntax error: unexpected end of file\n", 2],
    [
      'echo "unterminated',
      "bash: unexpected EOF while looking for matching `\"'\nbash: syntax error: unexpected end of file\n",
      2,
    ],
  ])("%s", async (line, output, exitCode) => {
    const result = await guest.openSession().run(line);
    expect({ output: result.output, exitCode: result.exitCode }).toEqual({ output, exitCode });
  });

  it("names errors after the script file when given one, as Cloud Assistant's runs do", async () => {
    const result = await guest.openSession().run("echo ok\nfoo", { scriptName: "/tmp/cmd.sh" });
    expect(result).toEqual({
      output: "ok\n/tmp/cmd.sh: line 2: foo: command not found\n",
      exitCode: 127,
    });
  });

  it("can abort an endless loop, which does not starve the event loop", async () => {
    const controller = new AbortController();
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    setTimeout(() => controller.abort(), 30);
    const result = await guest
      .openSession()
      .run("while true; do :; done", { signal: controller.signal });
    clearInterval(timer);
    expect(result).toEqual({ output: "", exitCode: 130, ended: "aborted" });
    expect(ticks).toBeGreaterThan(3);
  });

  it("keeps the working directory and variables within a session", async () => {
    const session = guest.openSession();
    await session.run("cd /etc; GREETING=hi");
    expect((await session.run("pwd; echo $GREETING")).output).toBe("/etc\nhi\n");
    expect((await guest.openSession().run("pwd")).output).toBe("/root\n");
  });

  it("lists long format with modes, links, sizes and times", async () => {
    const result = await guest
      .openSession()
      .run("echo 12345 > /tmp/five; ls -l /tmp/five; ls -ld /tmp");
    expect(result.output).toMatch(
      /^-rw-r--r-- 1 root root 6 \w{3} [ \d]\d \d\d:\d\d \/tmp\/five\ndrwxrwxrwt \d+ root root 4096 .* \/tmp\n$/,
    );
  });
});

describe("data disks in the Linux shell", () => {
  it("formats, mounts, refuses a busy unmount, and remounts elsewhere", async () => {
    const { guest } = await bootedLinux({ dataDisks: 2 });
    const shell = guest.openSession();
    const run = async (line: string) => {
      const { output, exitCode } = await shell.run(line);
      return { output, exitCode };
    };
    expect((await run("lsblk")).output).toBe(
      "NAME MAJ:MIN RM SIZE RO TYPE MOUNTPOINTS\nvda  253:0    0  64M  0 disk /\nvdb  253:16   0  32M  0 disk\nvdc  253:32   0  32M  0 disk\n",
    );
    expect(
      (await run("mkfs.ext4 -q /dev/vdc && mkdir -p /data /mnt/c && mount /dev/vdc /data"))
        .exitCode,
    ).toBe(0);
    expect(await run("mount /dev/vdc /mnt/c")).toEqual({
      output: "mount: /mnt/c: /dev/vdc already mounted on /data.\n",
      exitCode: 32,
    });
    expect((await run("lsblk -f /dev/vdc")).output).toMatch(
      /^NAME FSTYPE FSVER LABEL UUID +FSAVAIL FSUSE% MOUNTPOINTS\nvdc  ext4   1\.0 +[0-9a-f-]{36} +\S+ +\d+% \/data\n$/,
    );
    expect((await run("blkid /dev/vdb; echo $?")).output).toBe("2\n");
    expect((await run("df -T /data")).output).toMatch(
      /^Filesystem +Type +1K-blocks +Used +Available +Use% +Mounted on\n\/dev\/vdc +ext4 +\d+ +\d+ +\d+ +\d+% \/data\n$/,
    );
    await run("cd /data");
    expect(await run("umount /data")).toEqual({
      output: "umount: /data: target is busy.\n",
      exitCode: 32,
    });
    expect(await run("cd / && umount /dev/vdc && mount /dev/vdc /mnt/c && ls /mnt/c")).toEqual({
      output: "lost+found\n",
      exitCode: 0,
    });
    expect(await run("rmdir /mnt/c")).toEqual({
      output: "rmdir: failed to remove '/mnt/c': Device or resource busy\n",
      exitCode: 1,
    });
  });

  it("detaching frees the letter; the next attach takes the lowest free one", async () => {
    const { guest, data } = await bootedLinux({ dataDisks: 2 });
    await guest.detachDisk("/dev/vdb");
    expect(guest.devices().map((d) => d.name)).toEqual(["/dev/vda", "/dev/vdc"]);
    expect(await guest.attachDisk({ device: data[0], diskId: "d-again" })).toBe("/dev/vdb");
    expect((await guest.openSession().run("lsblk | tail -2")).output).toBe(
      "vdb  253:16   0  32M  0 disk\nvdc  253:32   0  32M  0 disk\n",
    );
  });

  it("a mounted disk pulled out is committed first, and reads back on another instance", async () => {
    const { guest, data } = await bootedLinux();
    await guest
      .openSession()
      .run("mkfs.ext4 -q /dev/vdb && mkdir /data && mount /dev/vdb /data && echo moved > /data/f");
    await guest.detachDisk("d-bp1data00001");
    const other = (await bootedLinux({ dataDisks: 0 })).guest;
    expect(await other.attachDisk({ device: data[0] })).toBe("/dev/vdb");
    expect(
      (await other.openSession().run("mkdir /x && mount /dev/vdb /x && cat /x/f")).output,
    ).toBe("moved\n");
  });
});
