import { describe, expect, it } from "vitest";
import type {
  AndOrList,
  Command,
  ParsedScript,
  Pipeline,
  Redirect,
  Word,
} from "@/lib/ecs/guest/shell/ast";
import { parseScript } from "@/lib/ecs/guest/shell/parser";

/** A compact rendering: words space-separated, 'quoted' text, ${PARAM}, $(…), redirects. */
function showWord(word: Word): string {
  return word
    .map((part) => {
      if (part.kind === "tilde") return "~";
      if (part.kind === "param") return part.quoted ? `"\${${part.name}}"` : `\${${part.name}}`;
      if (part.kind === "command") return `$(${part.script})`;
      if (part.kind === "arithmetic") return `$((${part.expression}))`;
      return part.quoted ? `'${part.value}'` : part.value;
    })
    .join("");
}

function showRedirect(r: Redirect): string {
  if (r.op === "<<") return `<<[${showWord(r.body)}]`;
  if (r.op === ">&") return `${r.fd}>&${r.toFd}`;
  return `${r.fd === "both" ? "&" : r.fd}${r.op}${showWord(r.target)}`;
}

function showLists(lists: AndOrList[]): string {
  return lists.map(showList).join("; ");
}

function showCommand(c: Command): string {
  const redirects = c.redirects.map(showRedirect);
  if (c.kind === "simple") {
    return [
      ...c.assignments.map((a) => `${a.name}=${showWord(a.value)}`),
      ...c.words.map(showWord),
      ...redirects,
    ].join(" ");
  }
  let text: string;
  if (c.kind === "if") {
    text = c.clauses
      .map(
        (cl, i) =>
          `${i ? "elif" : "if"} { ${showLists(cl.condition)} } then { ${showLists(cl.body)} }`,
      )
      .join(" ");
    if (c.otherwise) text += ` else { ${showLists(c.otherwise)} }`;
    text += " fi";
  } else if (c.kind === "for") {
    text = `for ${c.name} in ${c.words.map(showWord).join(" ")} do { ${showLists(c.body)} } done`;
  } else if (c.kind === "while") {
    text = `${c.isUntil ? "until" : "while"} { ${showLists(c.condition)} } do { ${showLists(c.body)} } done`;
  } else text = `{ ${showLists(c.body)} }`;
  return [text, ...redirects].join(" ");
}

function showPipeline(p: Pipeline): string {
  return `${p.negated ? "! " : ""}${p.commands.map(showCommand).join(" | ")}`;
}

function showList(list: AndOrList): string {
  return [
    showPipeline(list.first),
    ...list.rest.map((r) => `${r.op} ${showPipeline(r.pipeline)}`),
  ].join(" ");
}

function show(parsed: ParsedScript): string[] {
  const lines = parsed.commands.map(showList);
  if (parsed.error)
    lines.push(...parsed.error.messages.map((m) => `ERROR line ${m.line}: ${m.text}`));
  return lines;
}

describe("parseScript", () => {
  it.each<[string, string[]]>([
    ["echo hello", ["echo hello"]],
    ["  echo   a\tb  ", ["echo a b"]],
    ["echo a; echo b", ["echo a", "echo b"]],
    ["echo a\necho b\n", ["echo a", "echo b"]],
    [
      "mkfs.ext4 /dev/vdb && mount /dev/vdb /data || echo failed",
      ["mkfs.ext4 /dev/vdb && mount /dev/vdb /data || echo failed"],
    ],
    ["a &&\n b", ["a && b"]],
    ["echo 'a  b' \"c d\"", ["echo 'a  b' 'c d'"]],
    ['echo "it\'s" \'say "hi"\'', ["echo 'it's' 'say \"hi\"'"]],
    ["echo a\\ b \\$HOME", ["echo a' 'b '$'HOME"]],
    ['echo $HOME ${X}y "$?"', ['echo ${HOME} ${X}y "${?}"']],
    ['echo "x $Y z"', ["echo 'x '\"${Y}\"' z'"]],
    ["echo $(hostname) `date`", ["echo $(hostname) $(date)"]],
    ["echo hi > /data/a.txt", ["echo hi 1>/data/a.txt"]],
    ["echo hi >> a.txt", ["echo hi 1>>a.txt"]],
    ["ls nope 2>/dev/null", ["ls nope 2>/dev/null"]],
    ["ls nope > out 2>&1", ["ls nope 1>out 2>&1"]],
    ["ls &> all", ["ls &>all"]],
    ["cat < in", ["cat 0<in"]],
    ["echo x>y", ["echo x 1>y"]],
    ["cat /etc/os-release | grep NAME | head -1", ["cat /etc/os-release | grep NAME | head -1"]],
    ["! false", ["! false"]],
    ["X=1 Y=two", ["X=1 Y=two"]],
    ["X=1 env", ["X=1 env"]],
    ["echo a # a comment\n# whole line\necho b#c", ["echo a", "echo b#c"]],
    ["ls ~ ~/x a~", ["ls ~ ~/x a~"]],
    ["echo one \\\n two", ["echo one two"]],
    ["sudo reboot", ["sudo reboot"]],
    ["echo ''", ["echo ''"]],
    ["echo $((i + 1))", ["echo $((i + 1))"]],
    [
      'cat <<EOF > /etc/x\nhello $USER\n  "q" \\$HOME\nEOF\necho after',
      ["cat <<['hello '\"${USER}\"'\n  \"q\" $HOME\n'] 1>/etc/x", "echo after"],
    ],
    ["cat <<'EOF'\n$HOME `x`\nEOF", ["cat <<['$HOME `x`\n']"]],
    ["cat <<-END\n\tindented\n\tEND\nls", ["cat <<['indented\n'] ", "ls"].map((s) => s.trimEnd())],
    ["if true; then echo a; else echo b; fi", ["if { true } then { echo a } else { echo b } fi"]],
    [
      "if false\nthen\n  echo a\nelif true; then echo b; fi",
      ["if { false } then { echo a } elif { true } then { echo b } fi"],
    ],
    ["for i in 1 2 $X; do echo $i; done > out", ["for i in 1 2 ${X} do { echo ${i} } done 1>out"]],
    ["while ! false; do sync; break; done", ["while { ! false } do { sync; break } done"]],
    [
      "until test -f /x; do sleep 1; done && echo ok",
      ["until { test -f /x } do { sleep 1 } done && echo ok"],
    ],
    ["{ echo a; echo b; } | wc -l", ["{ echo a; echo b } | wc -l"]],
    ["echo fi done then", ["echo fi done then"]],
  ])("%j", (source, expected) => {
    expect(show(parseScript(source))).toEqual(expected);
  });

  it.each<[string, string[]]>([
    ["&& ls", ["ERROR line 1: syntax error near unexpected token `&&'", "ERROR line 1: `&& ls'"]],
    [
      "echo a;;",
      ["ERROR line 1: syntax error near unexpected token `;;'", "ERROR line 1: `echo a;;'"],
    ],
    [
      "echo ok\nls | | wc",
      [
        "echo ok",
        "ERROR line 2: syntax error near unexpected token `|'",
        "ERROR line 2: `ls | | wc'",
      ],
    ],
    ["echo a &&", ["ERROR line 2: syntax error: unexpected end of file"]],
    [
      "echo first\necho 'open",
      [
        "echo first",
        "ERROR line 2: unexpected EOF while looking for matching `''",
        "ERROR line 3: syntax error: unexpected end of file",
      ],
    ],
    ["echo > ", ["ERROR line 2: syntax error: unexpected end of file"]],
    ["echo (", ["ERROR line 1: syntax error near unexpected token `('", "ERROR line 1: `echo ('"]],
    [
      "echo ok; fi",
      ["ERROR line 1: syntax error near unexpected token `fi'", "ERROR line 1: `echo ok; fi'"],
    ],
    ["if true; then echo a", ["ERROR line 2: syntax error: unexpected end of file"]],
    [
      "for 1 in a; do :; done",
      [
        "ERROR line 1: syntax error near unexpected token `1'",
        "ERROR line 1: `for 1 in a; do :; done'",
      ],
    ],
    [
      "case $x in a) ;; esac",
      [
        "ERROR line 1: `case' is not supported by this guest shell",
        "ERROR line 1: `case $x in a) ;; esac'",
      ],
    ],
  ])("reports %j as bash does", (source, expected) => {
    expect(show(parseScript(source))).toEqual(expected);
  });
});
