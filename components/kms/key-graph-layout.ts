import type { KeyGraph, KeyGraphNode } from "@/lib/ecs/key-graph/key-protection-graph";

/**
 * Where each node of a key's protection graph is drawn: three columns — the key, what it
 * protects (disks, then snapshots, then images), the instances using those — one row per
 * resource, the key centred, each instance level with the first resource that leads to it.
 * Edges run from a node's right side to the next one's left. Pure.
 */
export const NODE_WIDTH = 232;
export const NODE_HEIGHT = 44;
export const ROW_GAP = 14;
export const COLUMN_GAP = 96;

export type PlacedNode = KeyGraphNode & { x: number; y: number };
export type PlacedEdge = { from: string; to: string; path: string };
export type KeyGraphLayout = { width: number; height: number; nodes: PlacedNode[]; edges: PlacedEdge[] };

const RESOURCE_ORDER = ["disk", "snapshot", "image"];
const ROW = NODE_HEIGHT + ROW_GAP;

export function layoutKeyGraph(graph: KeyGraph): KeyGraphLayout {
  const key = graph.nodes.find((node) => node.type === "key");
  const resources = graph.nodes
    .filter((node) => RESOURCE_ORDER.includes(node.type))
    .sort((a, b) => RESOURCE_ORDER.indexOf(a.type) - RESOURCE_ORDER.indexOf(b.type));
  const rowOf = new Map(resources.map((node, index) => [node.id, index]));

  // Instances: in the order of the first resource leading to them, never overlapping.
  const instances = graph.nodes
    .filter((node) => node.type === "instance")
    .map((node) => ({
      node,
      wanted: Math.min(
        ...graph.edges.filter((e) => e.to === node.id).map((e) => rowOf.get(e.from) ?? Infinity),
      ),
    }))
    .sort((a, b) => a.wanted - b.wanted || a.node.id.localeCompare(b.node.id));
  let next = 0;
  const instanceRows = instances.map(({ node, wanted }) => {
    const row = Math.max(next, Number.isFinite(wanted) ? wanted : next);
    next = row + 1;
    return { node, row };
  });

  const rows = Math.max(1, resources.length, next);
  const height = rows * ROW - ROW_GAP;
  const x = (column: number) => column * (NODE_WIDTH + COLUMN_GAP);
  const placed: PlacedNode[] = [
    ...(key ? [{ ...key, x: x(0), y: (height - NODE_HEIGHT) / 2 }] : []),
    ...resources.map((node, index) => ({ ...node, x: x(1), y: index * ROW })),
    ...instanceRows.map(({ node, row }) => ({ ...node, x: x(2), y: row * ROW })),
  ];
  const at = new Map(placed.map((node) => [node.id, node]));
  const edges = graph.edges.flatMap((edge) => {
    const from = at.get(edge.from);
    const to = at.get(edge.to);
    if (!from || !to) return [];
    const [x1, y1] = [from.x + NODE_WIDTH, from.y + NODE_HEIGHT / 2];
    const [x2, y2] = [to.x, to.y + NODE_HEIGHT / 2];
    const bend = (x2 - x1) / 2;
    return [{ ...edge, path: `M${x1},${y1} C${x1 + bend},${y1} ${x2 - bend},${y2} ${x2},${y2}` }];
  });
  const columns = instanceRows.length > 0 ? 3 : resources.length > 0 ? 2 : 1;
  return { width: x(columns - 1) + NODE_WIDTH, height, nodes: placed, edges };
}
