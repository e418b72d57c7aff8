import type { BlockDevice } from "@/lib/storage/block-device";
import { mkfs, mountFilesystem } from "@/lib/ecs/guest/fs/mkfs";
import { profileForImage, type Distro } from "@/lib/ecs/guest/profiles";

export type InstallImageOptions = {
  osType: "linux" | "windows";
  imageId: string;
  hostname: string;
  now?: () => Date;
};

type Tree = { dirs: [string, number?][]; files: [string, string][] };

const LINUX_DIRS: [string, number?][] = [
  ["bin"],
  ["boot"],
  ["dev"],
  ["etc"],
  ["home"],
  ["lib"],
  ["lib64"],
  ["media"],
  ["mnt"],
  ["opt"],
  ["proc", 0o555],
  ["root", 0o550],
  ["run"],
  ["sbin"],
  ["srv"],
  ["sys", 0o555],
  ["tmp", 0o1777],
  ["usr"],
  ["usr/bin"],
  ["usr/lib"],
  ["usr/local"],
  ["usr/sbin"],
  ["usr/share"],
  ["var"],
  ["var/log"],
  ["var/tmp", 0o1777],
  ["var/lib"],
];

const OS_RELEASE: Record<Exclude<Distro, "windows2022">, string> = {
  alinux3: `NAME="Alibaba Cloud Linux"
VERSION="3 (Soaring Falcon)"
ID="alinux"
ID_LIKE="rhel fedora centos anolis"
VERSION_ID="3"
UPDATE_ID="10"
PLATFORM_ID="platform:al8"
PRETTY_NAME="Alibaba Cloud Linux 3 (Soaring Falcon)"
ANSI_COLOR="0;31"
HOME_URL="https://www.aliyun.com/"
`,
  ubuntu2204: `PRETTY_NAME="Ubuntu 22.04.4 LTS"
NAME="Ubuntu"
VERSION_ID="22.04"
VERSION="22.04.4 LTS (Jammy Jellyfish)"
VERSION_CODENAME=jammy
ID=ubuntu
ID_LIKE=debian
HOME_URL="https://www.ubuntu.com/"
SUPPORT_URL="https://help.ubuntu.com/"
BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"
PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"
UBUNTU_CODENAME=jammy
`,
};

function linuxTree(distro: "alinux3" | "ubuntu2204", hostname: string, uuid: string): Tree {
  const isUbuntu = distro === "ubuntu2204";
  const files: [string, string][] = [
    ["etc/os-release", OS_RELEASE[distro]],
    ["etc/hostname", `${hostname}\n`],
    [
      "etc/hosts",
      `127.0.0.1\tlocalhost\tlocalhost.localdomain\n::1\tlocalhost\tlocalhost.localdomain\n`,
    ],
    ["etc/fstab", `UUID=${uuid} / ext4 defaults 1 1\n`],
    [
      "etc/resolv.conf",
      "options timeout:2 attempts:3 rotate single-request-reopen\nnameserver 100.100.2.136\nnameserver 100.100.2.138\n",
    ],
    [
      "etc/passwd",
      "root:x:0:0:root:/root:/bin/bash\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n",
    ],
    ["etc/group", "root:x:0:\nnogroup:x:65534:\n"],
    ["etc/shells", "/bin/sh\n/bin/bash\n/usr/bin/sh\n/usr/bin/bash\n"],
    ["root/.bashrc", "# .bashrc\n\nalias rm='rm -i'\nalias cp='cp -i'\nalias mv='mv -i'\n"],
    ["var/log/cloud-init.log", `cloud-init: set hostname to ${hostname}\n`],
  ];
  if (isUbuntu) {
    files.push(
      [
        "etc/lsb-release",
        'DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=22.04\nDISTRIB_CODENAME=jammy\nDISTRIB_DESCRIPTION="Ubuntu 22.04.4 LTS"\n',
      ],
      ["etc/issue", "Ubuntu 22.04.4 LTS \\n \\l\n\n"],
      [
        "root/.profile",
        'if [ "$BASH" ]; then\n  if [ -f ~/.bashrc ]; then\n    . ~/.bashrc\n  fi\nfi\n',
      ],
    );
  } else {
    files.push(
      ["etc/alinux-release", "Alibaba Cloud Linux release 3 (Soaring Falcon) \n"],
      ["etc/redhat-release", "Alibaba Cloud Linux release 3 (Soaring Falcon) \n"],
      ["etc/issue", "\\S\nKernel \\r on an \\m\n\n"],
      ["root/.bash_profile", "# .bash_profile\n\nif [ -f ~/.bashrc ]; then\n\t. ~/.bashrc\nfi\n"],
    );
  }
  return { dirs: LINUX_DIRS, files };
}

const WINDOWS_HOSTS = `# Copyright (c) 1993-2009 Microsoft Corp.
#
# This is a sample HOSTS file used by Microsoft TCP/IP for Windows.
#
# This file contains the mappings of IP addresses to host names. Each
# entry should be kept on an individual line. The IP address should
# be placed in the first column followed by the corresponding host name.
# The IP address and the host name should be separated by at least one
# space.
#
# localhost name resolution is handled within DNS itself.
#	127.0.0.1       localhost
#	::1             localhost
`;

function windowsTree(): Tree {
  const dirs: [string, number?][] = [
    ["PerfLogs"],
    ["Program Files"],
    ["Program Files (x86)"],
    ["ProgramData"],
    ["Users"],
    ["Users/Administrator"],
    ["Users/Administrator/Desktop"],
    ["Users/Administrator/Documents"],
    ["Users/Administrator/Downloads"],
    ["Users/Public"],
    ["Windows"],
    ["Windows/System32"],
    ["Windows/System32/drivers"],
    ["Windows/System32/drivers/etc"],
    ["Windows/Temp"],
  ];
  const crlf = (text: string) => text.replace(/\n/g, "\r\n");
  return {
    dirs,
    files: [
      ["Windows/System32/drivers/etc/hosts", crlf(WINDOWS_HOSTS)],
      [
        "Windows/win.ini",
        crlf(
          "; for 16-bit app support\n[fonts]\n[extensions]\n[mci extensions]\n[files]\n[Mail]\nMAPI=1\n",
        ),
      ],
      ["Windows/System32/drivers/etc/networks", crlf("loopback                 127\n")],
    ],
  };
}

/**
 * A fresh system disk from a public image: formats the device ("ext4", or "NTFS" for Windows)
 * and writes a small but realistic tree (os-release, hostname, fstab, home directories…).
 */
export async function installImage(
  device: BlockDevice,
  options: InstallImageOptions,
): Promise<void> {
  const profile = profileForImage(options.imageId, options.osType);
  const now = () => (options.now?.() ?? new Date()).getTime();
  const isWindows = profile.osType === "windows";
  const sb = await mkfs(device, { flavour: isWindows ? "ntfs" : "ext4", now });
  const tree =
    profile.distro === "windows2022"
      ? windowsTree()
      : linuxTree(profile.distro, options.hostname, sb.uuid);
  const fs = await mountFilesystem(device, { now });
  const split = (path: string) => path.split("/");
  for (const [dir, mode] of tree.dirs) await fs.mkdir(split(dir), mode ?? 0o755);
  for (const [file, content] of tree.files) await fs.writeFile(split(file), Buffer.from(content));
  await fs.unmount();
}
