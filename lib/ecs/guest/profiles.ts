/**
 * What differs between the images a guest can run: names and versions the guest prints
 * (os-release, uname, mke2fs banner, prompt). Public images map by id; a custom image's
 * system disk carries its own /etc/os-release, which the boot reads to pick the profile.
 */
export type Distro = "alinux3" | "ubuntu2204" | "windows2022";

export type OsProfile = {
  distro: Distro;
  osType: "linux" | "windows";
  prettyName: string;
  kernelRelease: string;
  kernelVersion: string;
  /** First line of mke2fs's output. */
  mke2fsBanner: string;
  /** `[root@host ~]# ` (Red Hat family) or `root@host:~# ` (Debian family). */
  promptStyle: "redhat" | "debian" | "powershell";
  /** Printed above the login prompt on the VGA console. */
  consoleBanner: string[];
  /** Shown when a terminal session starts. */
  motd: string;
};

export const OS_PROFILES: Record<Distro, OsProfile> = {
  alinux3: {
    distro: "alinux3",
    osType: "linux",
    prettyName: "Alibaba Cloud Linux 3 (Soaring Falcon)",
    kernelRelease: "5.10.134-16.3.al8.x86_64",
    kernelVersion: "#1 SMP Thu Jun 6 10:08:17 CST 2024",
    mke2fsBanner: "mke2fs 1.46.0 (29-Jan-2020)",
    promptStyle: "redhat",
    consoleBanner: [
      "Alibaba Cloud Linux 3 (Soaring Falcon)",
      "Kernel 5.10.134-16.3.al8.x86_64 on an x86_64",
    ],
    motd: "\nWelcome to Alibaba Cloud Elastic Compute Service !\n\n",
  },
  ubuntu2204: {
    distro: "ubuntu2204",
    osType: "linux",
    prettyName: "Ubuntu 22.04.4 LTS",
    kernelRelease: "5.15.0-117-generic",
    kernelVersion: "#127-Ubuntu SMP Fri Jul 5 20:13:28 UTC 2024",
    mke2fsBanner: "mke2fs 1.46.5 (30-Dec-2021)",
    promptStyle: "debian",
    consoleBanner: ["Ubuntu 22.04.4 LTS {hostname} tty1"],
    motd:
      "Welcome to Ubuntu 22.04.4 LTS (GNU/Linux 5.15.0-117-generic x86_64)\n\n" +
      " * Documentation:  https://help.ubuntu.com\n * Management:     https://landscape.canonical.com\n" +
      " * Support:        https://ubuntu.com/pro\n\nWelcome to Alibaba Cloud Elastic Compute Service !\n\n",
  },
  windows2022: {
    distro: "windows2022",
    osType: "windows",
    prettyName: "Microsoft Windows Server 2022 Datacenter",
    kernelRelease: "10.0.20348",
    kernelVersion: "10.0.20348.2582",
    mke2fsBanner: "",
    promptStyle: "powershell",
    consoleBanner: ["Windows Server 2022 Datacenter", "", "Press Ctrl+Alt+Delete to sign in."],
    motd: "Windows PowerShell\nCopyright (C) Microsoft Corporation. All rights reserved.\n\n",
  },
};

/** The profile of a public image id (or a name that looks like one); Alibaba Cloud Linux otherwise. */
export function profileForImage(imageId: string, osType?: "linux" | "windows"): OsProfile {
  const id = imageId.toLowerCase();
  if (osType === "windows" || /^win/.test(id)) return OS_PROFILES.windows2022;
  if (id.includes("ubuntu")) return OS_PROFILES.ubuntu2204;
  return OS_PROFILES.alinux3;
}

/** The profile an /etc/os-release names, if it names one we know. */
export function profileForOsRelease(osRelease: string): OsProfile | null {
  const id = /^ID="?([^"\n]+)"?$/m.exec(osRelease)?.[1];
  if (id === "ubuntu") return OS_PROFILES.ubuntu2204;
  if (id === "alinux") return OS_PROFILES.alinux3;
  return null;
}
