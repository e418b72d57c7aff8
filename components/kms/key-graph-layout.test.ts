import { describe, expect, it } from "vitest";
import { layoutKeyGraph, NODE_HEIGHT, NODE_WIDTH, ROW_GAP } from "./key-graph-layout";

const node = (type: "key" | "disk" | "snapshot" | "image" | "instance", id: string) => ({ type, id, regionId: "cn-hangzhou" });

describe("layoutKeyGraph", () => {
  it("puts the key, what it protects and the instances in three columns, instances level with their resource", () => {
    const layout = layoutKeyGraph({
      nodes: [node("key", "k"), node("image", "m-1"), node("disk", "d-1"), node("snapshot", "s-1"), node("disk", "d-2"), node("instance", "i-2"), node("instance", "i-1")],
      edges: [
        { from: "k", to: "d-1" }, { from: "k", to: "d-2" }, { from: "k", to: "s-1" }, { from: "k", to: "m-1" },
        { from: "d-2", to: "i-2" }, { from: "m-1", to: "i-1" }, { from: "d-1", to: "i-2" },
      ],
    });
    const at = Object.fromEntries(layout.nodes.map((n) => [n.id, n]));
    const row = NODE_HEIGHT + ROW_GAP;
    expect(["d-1", "d-2", "s-1", "m-1"].map((id) => at[id].y)).toEqual([0, row, 2 * row, 3 * row]);
    expect(at["i-2"].y).toBe(0);
    expect(at["i-1"].y).toBe(3 * row);
    expect(at.k.x).toBe(0);
    expect(at["d-1"].x).toBeGreaterThan(NODE_WIDTH);
    expect(at["i-1"].x).toBeGreaterThan(at["d-1"].x + NODE_WIDTH);
    expect(at.k.y).toBe((layout.height - NODE_HEIGHT) / 2);
    expect(layout.edges).toHaveLength(7);
    expect(layout.edges[0].path).toMatch(/^M232,\d+(\.\d+)? C/);
    expect(layout.width).toBe(at["i-1"].x + NODE_WIDTH);
  });

  it("never stacks two instances on one row, and draws a lone key", () => {
    const layout = layoutKeyGraph({
      nodes: [node("key", "k"), node("disk", "d-1"), node("instance", "i-1"), node("instance", "i-2")],
      edges: [{ from: "k", to: "d-1" }, { from: "d-1", to: "i-1" }, { from: "d-1", to: "i-2" }],
    });
    const ys = layout.nodes.filter((n) => n.type === "instance").map((n) => n.y);
    expect(new Set(ys).size).toBe(2);
    expect(layoutKeyGraph({ nodes: [node("key", "k")], edges: [] })).toMatchObject({ width: NODE_WIDTH, height: NODE_HEIGHT, edges: [] });
  });
});
