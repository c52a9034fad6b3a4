// The divisions a site's plans belong to, as a tree 省 → 市 → 县 → 乡镇 with
// plan counts and the bodies of each: the unit chooser's first step. Pure.

import type { Place, Plan } from '../model/plan.ts'
import type { Body } from './bodies.ts'
import { chain } from './table.ts'

export interface DivisionNode {
  place: Place
  /** Plans whose issuer is this division or one below it. */
  plans: number
  /** The bodies of this division's government (its 镇政府, 各村, its departments). */
  bodies: Body[]
  children: DivisionNode[]
}

export interface DivisionTree {
  roots: DivisionNode[]
  /** Plans of 区划未定, each with its bodies. */
  undetermined: Array<{ plan: Plan; bodies: Body[] }>
}

export function divisionTree(plans: Plan[], bodies: Body[]): DivisionTree {
  const nodes = new Map<string, DivisionNode>()
  const roots: DivisionNode[] = []
  const nodeOf = (path: Place[]): DivisionNode => {
    let parent: DivisionNode | undefined
    for (const place of path) {
      let node = nodes.get(place.code)
      if (!node) {
        node = { place, plans: 0, bodies: [], children: [] }
        nodes.set(place.code, node)
        ;(parent ? parent.children : roots).push(node)
      }
      parent = node
    }
    return parent!
  }
  for (const plan of plans) {
    if (!plan.division) continue
    const path = chain(plan.division)
    nodeOf(path)
    for (const place of path) nodes.get(place.code)!.plans++
  }
  for (const body of bodies) {
    if (!body.place) continue
    // A body's division is its plan's or one above it: its node is there already.
    const node = nodes.get(body.place.code)
    if (node) node.bodies.push(body)
  }
  const sort = (list: DivisionNode[]) => {
    list.sort((a, b) => (a.place.code < b.place.code ? -1 : a.place.code > b.place.code ? 1 : 0))
    for (const n of list) sort(n.children)
  }
  sort(roots)
  const undetermined = plans.filter((p) => !p.division).map((plan) => ({ plan, bodies: bodies.filter((b) => b.scope === `plan:${plan.id}`) }))
  return { roots, undetermined }
}

/** Every node of the tree, parents before children. */
export function allNodes(tree: DivisionTree): DivisionNode[] {
  const out: DivisionNode[] = []
  const walk = (list: DivisionNode[]) => { for (const n of list) { out.push(n); walk(n.children) } }
  walk(tree.roots)
  return out
}
