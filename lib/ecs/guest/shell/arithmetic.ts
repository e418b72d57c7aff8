/**
 * `$(( … ))`: integer arithmetic with + - * / % ** , comparisons (< <= > >= == !=), && || !,
 * parentheses, numbers and variable names (unset or non-numeric ones count as 0).
 */
export class ArithmeticError extends Error {}

export function evaluateArithmetic(expression: string, variable: (name: string) => string): number {
  const tokens = expression.match(
    /\s*(\d+|[A-Za-z_]\w*|\$\w+|\*\*|<=|>=|==|!=|&&|\|\||[-+*/%()<>!])/g,
  );
  const compact = expression.replace(/\s+/g, "");
  if (!tokens || tokens.join("").replace(/\s+/g, "") !== compact) {
    throw new ArithmeticError(`${expression.trim()}: syntax error: invalid arithmetic operator`);
  }
  const list = tokens.map((t) => t.trim());
  let at = 0;
  const peek = () => list[at];
  const value = (name: string) => {
    const raw = variable(name.replace(/^\$/, "")).trim();
    return /^-?\d+$/.test(raw) ? Number(raw) : 0;
  };
  const binary =
    (next: () => number, ops: Record<string, (a: number, b: number) => number>) => () => {
      let left = next();
      while (peek() in ops) {
        const op = list[at++];
        left = ops[op](left, next());
      }
      return left;
    };
  const primary = (): number => {
    const token = list[at++];
    if (token === undefined)
      throw new ArithmeticError(`${expression.trim()}: syntax error: operand expected`);
    if (token === "(") {
      const inner = or();
      if (list[at++] !== ")")
        throw new ArithmeticError(`${expression.trim()}: syntax error: ')' expected`);
      return inner;
    }
    if (token === "-") return -primary();
    if (token === "+") return primary();
    if (token === "!") return primary() ? 0 : 1;
    if (/^\d+$/.test(token)) return Number(token);
    if (/^\$?[A-Za-z_]\w*$/.test(token)) return value(token);
    throw new ArithmeticError(`${expression.trim()}: syntax error: operand expected`);
  };
  const power = (): number => {
    const base = primary();
    if (peek() !== "**") return base;
    at++;
    return base ** power();
  };
  const divide = (a: number, b: number, op: string) => {
    if (b === 0) throw new ArithmeticError(`${expression.trim()}: division by 0`);
    return op === "/" ? Math.trunc(a / b) : a % b;
  };
  const product = binary(power, {
    "*": (a, b) => a * b,
    "/": (a, b) => divide(a, b, "/"),
    "%": (a, b) => divide(a, b, "%"),
  });
  const sum = binary(product, { "+": (a, b) => a + b, "-": (a, b) => a - b });
  const compare = binary(sum, {
    "<": (a, b) => +(a < b),
    "<=": (a, b) => +(a <= b),
    ">": (a, b) => +(a > b),
    ">=": (a, b) => +(a >= b),
  });
  const equality = binary(compare, { "==": (a, b) => +(a === b), "!=": (a, b) => +(a !== b) });
  const and = binary(equality, { "&&": (a, b) => +(a !== 0 && b !== 0) });
  const or = binary(and, { "||": (a, b) => +(a !== 0 || b !== 0) });
  const result = or();
  if (at < list.length)
    throw new ArithmeticError(
      `${expression.trim()}: syntax error in expression (error token is "${list.slice(at).join(" ")}")`,
    );
  return result;
}
