/**
 * A directory's content, stored like a file's (copy-on-write data blocks): a sequence of
 * records `u32 inode · u8 type · u16 name length · UTF-8 name`. "." and ".." are not stored.
 */
export type EntryType = "file" | "dir";
export type DirEntry = { name: string; ino: number; type: EntryType };

const TYPE_CODES: Record<EntryType, number> = { file: 1, dir: 2 };

export const MAX_NAME_BYTES = 255;

export function encodeDirectory(entries: Iterable<DirEntry>): Buffer {
  const parts: Buffer[] = [];
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    const head = Buffer.alloc(7);
    head.writeUInt32LE(entry.ino, 0);
    head.writeUInt8(TYPE_CODES[entry.type], 4);
    head.writeUInt16LE(name.length, 5);
    parts.push(head, name);
  }
  return Buffer.concat(parts);
}

export function decodeDirectory(data: Buffer): DirEntry[] {
  const entries: DirEntry[] = [];
  let at = 0;
  while (at + 7 <= data.length) {
    const ino = data.readUInt32LE(at);
    const type: EntryType = data.readUInt8(at + 4) === TYPE_CODES.dir ? "dir" : "file";
    const length = data.readUInt16LE(at + 5);
    const name = data.subarray(at + 7, at + 7 + length).toString("utf8");
    entries.push({ name, ino, type });
    at += 7 + length;
  }
  return entries;
}

/**
 * The entries of one directory in memory (a cache of its blocks), keyed by name, or by the
 * lower-cased name on a case-insensitive (NTFS-flavoured) volume, keeping the name as written.
 */
export class DirectoryIndex {
  private readonly byKey = new Map<string, DirEntry>();

  constructor(
    entries: DirEntry[],
    private readonly isCaseInsensitive: boolean,
  ) {
    for (const entry of entries) this.byKey.set(this.key(entry.name), entry);
  }

  private key(name: string): string {
    return this.isCaseInsensitive ? name.toLowerCase() : name;
  }

  get(name: string): DirEntry | undefined {
    return this.byKey.get(this.key(name));
  }

  set(entry: DirEntry): void {
    this.byKey.set(this.key(entry.name), entry);
  }

  delete(name: string): void {
    this.byKey.delete(this.key(name));
  }

  get size(): number {
    return this.byKey.size;
  }

  entries(): DirEntry[] {
    return [...this.byKey.values()];
  }
}
