import { isFsError } from "@/lib/ecs/guest/fs/errors";
import {
  list,
  listing,
  missingParent,
  parentDisplay,
  resolve,
  statOf,
  str,
  type Cmdlet,
} from "@/lib/ecs/guest/powershell/cmdlet-kit";
import { notFound } from "@/lib/ecs/guest/powershell/paths";
import { PsError } from "@/lib/ecs/guest/powershell/types";

/** The FileSystem provider's item cmdlets: list, create, remove, test, change location. */
export const ITEM_CMDLETS: Cmdlet[] = [
  {
    name: "Get-ChildItem",
    aliases: ["dir", "ls", "gci"],
    positional: ["Path"],
    named: ["Filter"],
    switches: ["Force", "Recurse", "Name", "File", "Directory"],
    run: async (ctx, args) => {
      for (const p of args.Path ? list(args.Path) : [ctx.cwd]) {
        const path = resolve(ctx, p, "GetChildItem");
        const stat = await statOf(path);
        if (!stat) throw notFound(path.display, "GetChildItem");
        const entries =
          stat.type === "dir"
            ? await Promise.all(
                (await path.fs.readdir(path.parts)).map(async (e) => ({
                  name: e.name,
                  ...(await path.fs.stat([...path.parts, e.name])),
                })),
              )
            : [{ ...stat, name: path.parts.at(-1)! }];
        const shown = entries.filter(
          (e) => (!args.File || e.type === "file") && (!args.Directory || e.type === "dir"),
        );
        if (args.Name) ctx.out(shown.map((e) => `${e.name}\n`).join(""));
        else ctx.out(listing(shown, stat.type === "dir" ? path.display : parentDisplay(path)));
      }
    },
  },
  {
    name: "New-Item",
    aliases: ["ni"],
    positional: ["Path"],
    named: ["ItemType", "Value", "Name", "Type"],
    switches: ["Force"],
    mandatory: ["Path"],
    run: async (ctx, args) => {
      const isDirectory = /^dir/i.test(str(args.ItemType ?? args.Type));
      const base = resolve(ctx, str(args.Path), "NewItem");
      const path = args.Name ? resolve(ctx, `${base.display}\\${str(args.Name)}`, "NewItem") : base;
      const existing = await statOf(path);
      if (existing && !(args.Force && isDirectory)) {
        throw new PsError(
          `An item with the specified name ${path.display} already exists.`,
          "ResourceExists",
          `${path.display}:String`,
          "IOException",
          `${isDirectory ? "DirectoryExist" : "NewItemIOError"},Microsoft.PowerShell.Commands.NewItemCommand`,
        );
      }
      if (isDirectory) {
        for (let i = 1; i <= path.parts.length; i++)
          await path.fs
            .mkdir(path.parts.slice(0, i))
            .catch((e: unknown) => (isFsError(e, "EEXIST") ? undefined : Promise.reject(e)));
      } else {
        await path.fs
          .writeFile(path.parts, Buffer.from(str(args.Value)))
          .catch((error: unknown) => {
            throw isFsError(error, "ENOENT") ? missingParent(path.display, "NewItem") : error;
          });
      }
      ctx.out(
        listing(
          [{ name: path.parts.at(-1)!, ...(await path.fs.stat(path.parts)) }],
          parentDisplay(path),
        ),
      );
    },
  },
  {
    name: "Remove-Item",
    aliases: ["rm", "del", "erase", "rmdir", "ri", "rd"],
    positional: ["Path"],
    switches: ["Recurse", "Force"],
    mandatory: ["Path"],
    run: async (ctx, args) => {
      for (const p of list(args.Path)) {
        const path = resolve(ctx, p, "RemoveItem");
        const stat = await statOf(path);
        if (!stat) throw notFound(path.display, "RemoveItem");
        const remove = async (parts: string[]): Promise<void> => {
          const s = await path.fs.stat(parts);
          if (s.type === "file") return path.fs.unlink(parts);
          const children = await path.fs.readdir(parts);
          if (children.length && !args.Recurse) {
            throw new PsError(
              `The item at ${path.display} has children and the Recurse parameter was not specified. If you continue, all children will be removed with the item. Are you sure you want to continue?`,
              "InvalidOperation",
              `${path.display}:String`,
              "PSInvalidOperationException",
              "RemoveItemUnauthorizedAccessError,Microsoft.PowerShell.Commands.RemoveItemCommand",
            );
          }
          for (const child of children) await remove([...parts, child.name]);
          await path.fs.rmdir(parts);
        };
        await remove(path.parts);
      }
    },
  },
  {
    name: "Test-Path",
    positional: ["Path"],
    named: ["PathType"],
    mandatory: ["Path"],
    run: async (ctx, args) => {
      for (const p of list(args.Path)) {
        const found = await Promise.resolve()
          .then(() => resolve(ctx, p, "TestPath"))
          .then(statOf, () => null);
        ctx.out(`${found ? "True" : "False"}\n`);
      }
    },
  },
  {
    name: "Get-Location",
    aliases: ["pwd", "gl"],
    run: async (ctx) => ctx.out(`\nPath\n----\n${ctx.cwd}\n\n\n`),
  },
  {
    name: "Set-Location",
    aliases: ["cd", "sl", "chdir"],
    positional: ["Path"],
    run: async (ctx, args) => {
      const path = resolve(ctx, str(args.Path) || "C:\\Users\\Administrator", "SetLocation");
      const stat = await statOf(path);
      if (!stat || stat.type !== "dir") throw notFound(path.display, "SetLocation");
      ctx.setCwd(path.display.replace(/\\$/, "") || path.display);
    },
  },
];
