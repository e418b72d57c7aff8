import { longDateTime } from "@/lib/ecs/guest/powershell/format";
import {
  list,
  resolve,
  statOf,
  str,
  writeContent,
  type Cmdlet,
} from "@/lib/ecs/guest/powershell/cmdlet-kit";
import { ITEM_CMDLETS } from "@/lib/ecs/guest/powershell/item-cmdlets";
import { notFound } from "@/lib/ecs/guest/powershell/paths";
import { STORAGE_CMDLETS } from "@/lib/ecs/guest/powershell/storage-cmdlets";
import { PsError } from "@/lib/ecs/guest/powershell/types";
import { ShellExit } from "@/lib/ecs/guest/shell/types";

export type { Bound, Cmdlet, CmdletContext } from "@/lib/ecs/guest/powershell/cmdlet-kit";

export const CMDLETS: Cmdlet[] = [
  ...STORAGE_CMDLETS,
  ...ITEM_CMDLETS,
  {
    name: "Set-Content",
    positional: ["Path", "Value"],
    named: ["Encoding"],
    switches: ["NoNewline", "Force"],
    mandatory: ["Path"],
    run: (ctx, args) => writeContent(ctx, args, "SetContent"),
  },
  {
    name: "Add-Content",
    aliases: ["ac"],
    positional: ["Path", "Value"],
    named: ["Encoding"],
    switches: ["NoNewline", "Force"],
    mandatory: ["Path"],
    run: (ctx, args) => writeContent(ctx, args, "AddContent"),
  },
  {
    name: "Get-Content",
    aliases: ["gc", "cat", "type"],
    positional: ["Path"],
    named: ["TotalCount", "Head", "Tail", "Encoding"],
    switches: ["Raw"],
    mandatory: ["Path"],
    run: async (ctx, args) => {
      for (const p of list(args.Path)) {
        const path = resolve(ctx, p, "GetContent");
        const stat = await statOf(path);
        if (!stat) throw notFound(path.display, "GetContent");
        if (stat.type === "dir")
          throw new PsError(
            `Unable to get content because it is a directory: '${path.display}'. Please use 'Get-ChildItem' instead.`,
            "ObjectNotFound",
            `${path.display}:String`,
            "UnauthorizedAccessException",
            "GetContentReaderUnauthorizedAccessError,Microsoft.PowerShell.Commands.GetContentCommand",
          );
        const text = (await path.fs.readFile(path.parts)).toString("utf8");
        let lines = text.split(/\r?\n/);
        if (lines.at(-1) === "") lines.pop();
        const head = Number(str(args.TotalCount ?? args.Head) || NaN);
        const tail = Number(str(args.Tail) || NaN);
        if (!Number.isNaN(head)) lines = lines.slice(0, head);
        if (!Number.isNaN(tail)) lines = lines.slice(-tail);
        ctx.out(lines.map((l) => `${l}\n`).join(""));
      }
    },
  },
  {
    name: "Write-Output",
    aliases: ["echo", "write"],
    positional: ["InputObject"],
    run: async (ctx, args) =>
      ctx.out(
        list(args.InputObject)
          .map((v) => `${v}\n`)
          .join(""),
      ),
  },
  {
    name: "Write-Host",
    positional: ["Object"],
    switches: ["NoNewline"],
    run: async (ctx, args) =>
      ctx.out(`${list(args.Object).join(" ")}${args.NoNewline ? "" : "\n"}`),
  },
  { name: "hostname", run: async (ctx) => ctx.out(`${ctx.sys.hostname}\n`) },
  { name: "Get-Date", run: async (ctx) => ctx.out(`\n${longDateTime(ctx.sys.now())}\n\n\n`) },
  {
    name: "Restart-Computer",
    switches: ["Force"],
    run: async (ctx) => {
      ctx.sys.restart();
      throw new ShellExit(0, "reboot");
    },
  },
  {
    name: "Stop-Computer",
    switches: ["Force"],
    run: async (ctx) => {
      ctx.sys.stop();
      throw new ShellExit(0, "poweroff");
    },
  },
];

/** Cmdlets that format or discard what comes through the pipe. */
export const PIPE_SINKS: Record<string, "discard" | "pass"> = {
  "out-null": "discard",
  "out-string": "pass",
  "format-table": "pass",
  ft: "pass",
  "format-list": "pass",
  fl: "pass",
  "out-default": "pass",
};

const BY_NAME = new Map<string, Cmdlet>();
for (const cmdlet of CMDLETS)
  for (const name of [cmdlet.name, ...(cmdlet.aliases ?? [])])
    BY_NAME.set(name.toLowerCase(), cmdlet);

export function findCmdlet(name: string): Cmdlet | undefined {
  return BY_NAME.get(name.toLowerCase().replace(/\.exe$/, ""));
}
