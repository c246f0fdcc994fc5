//! Orders changes with a dependency graph. Each edge records why it exists; a cycle is an
//! error that prints it.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::fmt;

use petgraph::algo::{has_path_connecting, DfsSpace};
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::Direction;

use super::dependencies::{
    body_dependencies, dependencies, targets, Action, Dependencies, ObjectId, Wanted,
};
use super::rows::Rows;
use crate::diff::{Change, Pair};
use crate::error::Error;
use crate::model::Catalog;

/// Changes in dependency order.
pub struct Ordered {
    /// The indexes of the changes, in an order that respects every dependency.
    pub order: Vec<usize>,
    /// For each change, the changes that must run before it.
    pub predecessors: Vec<Vec<usize>>,
}

/// Orders `changes` so that every dependency is respected. Among changes that are free to
/// go, `rank` decides (and then the differ's order), so the output reads well and is the same
/// for the same inputs.
pub fn order(
    changes: &[Change],
    catalogs: Pair<&Catalog>,
    rank: impl Fn(&Change) -> (u8, u8),
) -> Result<Ordered, Error> {
    let touched: Vec<Vec<(ObjectId, Action)>> =
        changes.iter().map(|c| targets(c, catalogs.to)).collect();
    let wanted = Wanted::new(touched.iter().flatten().map(|(object, _)| object));
    let deps = catalogs.map(|catalog| dependencies(catalog, &wanted));
    let written = touched
        .iter()
        .flatten()
        .filter_map(|(object, action)| match object {
            ObjectId::Function(signature) if *action != Action::Drop => Some(signature),
            _ => None,
        });
    let bodies = body_dependencies(catalogs.to, written, &wanted);
    let numbered: Vec<Vec<(usize, Action)>> = (touched.iter())
        .map(|parts| {
            (parts.iter())
                .map(|(object, action)| (wanted.number(object).expect("wanted"), *action))
                .collect()
        })
        .collect();
    let graph = build_graph(&numbered, &wanted, deps.as_ref(), &bodies);
    let mut in_degree: Vec<usize> = graph
        .node_indices()
        .map(|n| graph.neighbors_directed(n, Direction::Incoming).count())
        .collect();
    let mut ready: BinaryHeap<Reverse<((u8, u8), usize)>> = BinaryHeap::new();
    for (i, change) in changes.iter().enumerate() {
        if in_degree[i] == 0 {
            ready.push(Reverse((rank(change), i)));
        }
    }
    let mut ordered = Vec::with_capacity(changes.len());
    while let Some(Reverse((_, i))) = ready.pop() {
        ordered.push(i);
        for next in graph.neighbors_directed(NodeIndex::new(i), Direction::Outgoing) {
            let j = next.index();
            in_degree[j] -= 1;
            if in_degree[j] == 0 {
                ready.push(Reverse((rank(&changes[j]), j)));
            }
        }
    }
    if ordered.len() < changes.len() {
        return Err(Error::Cycle(describe_cycle(&graph, &touched, &in_degree)));
    }
    let predecessors = graph
        .node_indices()
        .map(|n| {
            graph
                .neighbors_directed(n, Direction::Incoming)
                .map(|p| p.index())
                .collect()
        })
        .collect();
    Ok(Ordered {
        order: ordered,
        predecessors,
    })
}

/// Why one change must run before another. It borrows the objects and is printed only when
/// a cycle is reported: a large plan has millions of edges.
#[derive(Clone, Copy, Debug)]
enum Reason<'a> {
    Needs(&'a ObjectId, &'a ObjectId),
    DroppedFirst(&'a ObjectId),
    Uses(&'a ObjectId, &'a ObjectId),
    UnderNewName(&'a ObjectId, &'a ObjectId),
    KeepOrder,
    MayUse(&'a ObjectId, &'a ObjectId),
}

impl fmt::Display for Reason<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::Needs(object, needed) => write!(f, "{object} needs {needed}"),
            Reason::DroppedFirst(object) => {
                write!(f, "{object} is dropped before it is created again")
            }
            Reason::Uses(object, needed) => write!(f, "{object} uses {needed}"),
            Reason::UnderNewName(object, needed) => {
                write!(f, "{object} is under {needed}'s new name")
            }
            Reason::KeepOrder => f.write_str("changes of one object keep their order"),
            Reason::MayUse(object, needed) => write!(f, "{object} may use {needed}"),
        }
    }
}

/// One node per change (what each touches, by number: `touched`); an edge `a → b` with its
/// reason when `a` must run before `b`.
fn build_graph<'a>(
    touched: &[Vec<(usize, Action)>],
    wanted: &Wanted<'a>,
    deps: Pair<&Dependencies>,
    bodies: &Dependencies,
) -> DiGraph<usize, Reason<'a>> {
    let mut graph = DiGraph::with_capacity(touched.len(), touched.len());
    for i in 0..touched.len() {
        graph.add_node(i);
    }
    let touching = (touched.iter().enumerate())
        .flat_map(|(i, parts)| {
            (parts.iter()).map(move |&(object, action)| (object as u32, (i, action)))
        })
        .collect();
    let by_object: Rows<(usize, Action)> = Rows::new(wanted.len(), touching);
    let id = |number: usize| wanted.object(number);
    let mut edges = Vec::new();
    for (i, parts) in touched.iter().enumerate() {
        for &(object, action) in parts {
            match action {
                Action::Create | Action::Alter | Action::Rename => {
                    // what the new state needs is created or changed first
                    for needed in deps.to.of(object) {
                        for &(j, other) in by_object.row(needed) {
                            if j != i && other != Action::Drop {
                                edges.push((j, i, Reason::Needs(id(object), id(needed))));
                            }
                        }
                    }
                    if action == Action::Create {
                        // a replaced object is dropped before it is created again
                        for &(j, other) in by_object.row(object) {
                            if j != i && other == Action::Drop {
                                edges.push((j, i, Reason::DroppedFirst(id(object))));
                            }
                        }
                    }
                }
                Action::Drop => {}
            }
            if action != Action::Create {
                // what an old object needs goes away only after it; what it needs under a
                // new name has that name only once renamed
                for needed in deps.from.of(object) {
                    for &(j, other) in by_object.row(needed) {
                        let goes_after = other == Action::Drop
                            || (other == Action::Alter && action == Action::Drop);
                        if j != i && goes_after {
                            edges.push((i, j, Reason::Uses(id(object), id(needed))));
                        } else if j != i && other == Action::Rename {
                            edges.push((j, i, Reason::UnderNewName(id(object), id(needed))));
                        }
                    }
                }
            }
        }
    }
    // several changes to one object run in the order the differ emitted them
    for changes_of_object in by_object.iter() {
        let alters: Vec<usize> = changes_of_object
            .iter()
            .filter(|(_, action)| *action == Action::Alter)
            .map(|(i, _)| *i)
            .collect();
        for pair in alters.windows(2) {
            edges.push((pair[0], pair[1], Reason::KeepOrder));
        }
    }
    // of the reasons for one edge, the first in text order is kept, whatever the order found
    edges.sort_by(|a, b| {
        (a.0, a.1)
            .cmp(&(b.0, b.1))
            .then_with(|| a.2.to_string().cmp(&b.2.to_string()))
    });
    edges.dedup_by(|a, b| a.0 == b.0 && a.1 == b.1);
    for (from, to, reason) in edges {
        graph.add_edge(NodeIndex::new(from), NodeIndex::new(to), reason);
    }
    // a function created or replaced goes after what its body uses, unless that would close
    // a cycle (a table whose default calls the function that reads it)
    let mut space = DfsSpace::new(&graph);
    for (i, parts) in touched.iter().enumerate() {
        for &(object, action) in parts {
            if action == Action::Drop {
                continue;
            }
            for needed in bodies.of(object) {
                for &(j, other) in by_object.row(needed) {
                    let (from, to) = (NodeIndex::new(j), NodeIndex::new(i));
                    if j == i || other == Action::Drop || graph.contains_edge(from, to) {
                        continue;
                    }
                    if !has_path_connecting(&graph, to, from, Some(&mut space)) {
                        graph.add_edge(from, to, Reason::MayUse(id(object), id(needed)));
                    }
                }
            }
        }
    }
    graph
}

/// A cycle among the changes that could not be ordered, with the reason of each edge.
fn describe_cycle(
    graph: &DiGraph<usize, Reason>,
    touched: &[Vec<(ObjectId, Action)>],
    in_degree: &[usize],
) -> String {
    let stuck: Vec<NodeIndex> = graph
        .node_indices()
        .filter(|n| in_degree[n.index()] > 0)
        .collect();
    // walk backwards along stuck edges until a node repeats
    let mut path = vec![stuck[0]];
    loop {
        let current = *path.last().expect("path is never empty");
        let Some(previous) = graph
            .edges_directed(current, Direction::Incoming)
            .map(|e| petgraph::visit::EdgeRef::source(&e))
            .find(|s| in_degree[s.index()] > 0)
        else {
            break;
        };
        if let Some(start) = path.iter().position(|n| *n == previous) {
            path.drain(..start);
            break;
        }
        path.push(previous);
    }
    path.reverse();
    let mut parts = Vec::new();
    for (k, &from) in path.iter().enumerate() {
        let to = path[(k + 1) % path.len()];
        if let Some(edge) = graph.find_edge(from, to) {
            parts.push(format!(
                "{} → {} ({})",
                describe(&touched[from.index()]),
                describe(&touched[to.index()]),
                graph[edge]
            ));
        }
    }
    parts.join("; ")
}

/// A change by the first object it touches.
fn describe(parts: &[(ObjectId, Action)]) -> String {
    match parts.first() {
        Some((object, action)) => format!("{action:?} {object}").to_lowercase(),
        None => "change".into(),
    }
}
