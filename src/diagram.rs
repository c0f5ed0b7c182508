//! Architecture diagrams from two tables a participant fills: components (name, optional
//! group) and connections (from, to, optional label). One graph, two drawings: Mermaid
//! text for the exported markdown (GitHub renders it) and an SVG for the app, laid out
//! here so the drawing is the same in the form, the preview and print.

use std::fmt::Write;

use crate::escape::html as escape;
use crate::model::Row;

#[derive(Debug, PartialEq)]
pub struct Node {
    pub name: String,
    pub group: String,
}

#[derive(Debug, PartialEq)]
pub struct Edge {
    pub from: usize,
    pub to: usize,
    pub label: String,
}

#[derive(Debug, PartialEq, Default)]
pub struct Graph {
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
}

fn cell<'a>(row: &'a Row, column: &str) -> &'a str {
    row.get(column).map_or("", |v| v.trim())
}

impl Graph {
    /// Components are matched by name, ignoring (ASCII) case. A connection naming a component that
    /// is not in the table adds it, so a typo shows up as an extra box rather than silently
    /// losing the arrow.
    pub fn from_tables(components: &[Row], connections: &[Row]) -> Graph {
        let mut graph = Graph::default();
        for row in components {
            graph.node(cell(row, "name"), cell(row, "group"));
        }
        for row in connections {
            let (Some(from), Some(to)) = (graph.node(cell(row, "from"), ""), graph.node(cell(row, "to"), "")) else {
                continue;
            };
            graph.edges.push(Edge { from, to, label: cell(row, "label").to_owned() });
        }
        graph
    }

    fn node(&mut self, name: &str, group: &str) -> Option<usize> {
        if name.is_empty() {
            return None;
        }
        // ASCII case only: Unicode case tables would add kilobytes to the download.
        if let Some(index) = self.nodes.iter().position(|n| n.name.eq_ignore_ascii_case(name)) {
            return Some(index);
        }
        self.nodes.push(Node { name: name.to_owned(), group: group.to_owned() });
        Some(self.nodes.len() - 1)
    }

    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// A Mermaid flowchart, left to right, with a subgraph per group.
    pub fn mermaid(&self) -> String {
        let mut out = String::from("flowchart LR\n");
        let mut groups: Vec<&str> = Vec::new();
        for node in &self.nodes {
            if !node.group.is_empty() && !groups.contains(&node.group.as_str()) {
                groups.push(&node.group);
            }
        }
        let node_line = |out: &mut String, index: usize, indent: &str| {
            let _ = writeln!(out, "{indent}n{}[\"{}\"]", index + 1, mermaid_text(&self.nodes[index].name));
        };
        for (g, group) in groups.iter().enumerate() {
            let _ = writeln!(out, "    subgraph g{}[\"{}\"]", g + 1, mermaid_text(group));
            for (index, _) in self.nodes.iter().enumerate().filter(|(_, n)| n.group == *group) {
                node_line(&mut out, index, "        ");
            }
            out.push_str("    end\n");
        }
        for (index, _) in self.nodes.iter().enumerate().filter(|(_, n)| n.group.is_empty()) {
            node_line(&mut out, index, "    ");
        }
        for edge in &self.edges {
            if edge.label.is_empty() {
                let _ = writeln!(out, "    n{} --> n{}", edge.from + 1, edge.to + 1);
            } else {
                let _ = writeln!(out, "    n{} -->|\"{}\"| n{}", edge.from + 1, mermaid_text(&edge.label), edge.to + 1);
            }
        }
        out.trim_end().to_owned()
    }

    /// Column of each node: the longest chain of arrows leading to it. Arrows that close a
    /// cycle are ignored (a node never moves past the number of nodes).
    fn columns(&self) -> Vec<usize> {
        let mut column = vec![0usize; self.nodes.len()];
        for _ in 0..self.nodes.len() {
            let mut changed = false;
            for edge in &self.edges {
                let next = column[edge.from] + 1;
                if edge.from != edge.to && next > column[edge.to] && next < self.nodes.len() {
                    column[edge.to] = next;
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        column
    }

    /// Boxes in columns left to right, arrows between their sides.
    pub fn layout(&self) -> Layout {
        let chars = |text: &str| text.chars().count() as u32;
        let box_width = self
            .nodes
            .iter()
            .map(|n| (chars(&n.name) * NAME_CHAR_PX).max(chars(&n.group) * GROUP_CHAR_PX) + 2 * BOX_PADDING)
            .fold(BOX_WIDTH, u32::max)
            .min(MAX_BOX_WIDTH);
        let columns = self.columns();
        let mut next_row = vec![0usize; self.nodes.len().max(1)];
        let mut boxes = Vec::with_capacity(self.nodes.len());
        for (index, node) in self.nodes.iter().enumerate() {
            let (column, row) = (columns[index], next_row[columns[index]]);
            next_row[column] += 1;
            boxes.push(Placed {
                x: MARGIN + column as u32 * (box_width + GAP_X),
                y: MARGIN + row as u32 * (BOX_HEIGHT + GAP_Y),
                name: node.name.clone(),
                group: node.group.clone(),
            });
        }
        let arrows = self
            .edges
            .iter()
            .map(|edge| {
                let (from, to) = (&boxes[edge.from], &boxes[edge.to]);
                let forward = to.x > from.x;
                Arrow {
                    from: if forward {
                        (from.x + box_width, from.y + BOX_HEIGHT / 2)
                    } else {
                        (from.x + box_width / 2, from.y + BOX_HEIGHT)
                    },
                    to: if forward { (to.x, to.y + BOX_HEIGHT / 2) } else { (to.x + box_width / 2, to.y + BOX_HEIGHT) },
                    label: edge.label.clone(),
                }
            })
            .collect();
        let width = boxes.iter().map(|b| b.x + box_width + MARGIN).max().unwrap_or(0);
        let height = boxes.iter().map(|b| b.y + BOX_HEIGHT + MARGIN).max().unwrap_or(0);
        Layout { width, height, box_width, boxes, arrows }
    }
}

/// Text inside a Mermaid quoted label: quotes and angle brackets as Mermaid entities, one line.
fn mermaid_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '#' => out.push_str("#35;"),
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The narrowest box; a drawing's boxes widen together to fit its longest name or group.
const BOX_WIDTH: u32 = 168;
/// The widest box: a longer name is cut (the full name is the box's tooltip and is in the
/// exported Mermaid).
const MAX_BOX_WIDTH: u32 = 320;
const BOX_HEIGHT: u32 = 52;
const GAP_X: u32 = 120;
const GAP_Y: u32 = 28;
const MARGIN: u32 = 12;
/// Room a character takes, at most, in a box's name (13px) and its group (11px), and the
/// padding either side.
const NAME_CHAR_PX: u32 = 7;
const GROUP_CHAR_PX: u32 = 6;
const BOX_PADDING: u32 = 8;

pub struct Placed {
    pub x: u32,
    pub y: u32,
    pub name: String,
    pub group: String,
}

pub struct Arrow {
    pub from: (u32, u32),
    pub to: (u32, u32),
    pub label: String,
}

pub struct Layout {
    pub width: u32,
    pub height: u32,
    /// Every box's width: the longest name or group fits (`Graph::layout`).
    pub box_width: u32,
    pub boxes: Vec<Placed>,
    pub arrows: Vec<Arrow>,
}

/// `text` cut to `chars` characters, an ellipsis marking the cut: labels that must fit a box.
pub(crate) fn shorten(text: &str, chars: usize) -> String {
    if text.chars().count() <= chars {
        return text.to_owned();
    }
    let mut short: String = text.chars().take(chars - 1).collect();
    short.push('…');
    short
}

/// The app's stylesheet rules for drawings (style.css, `figure.diagram`), for an SVG shown
/// on its own (a slide's image), where no page styles it.
const STANDALONE_STYLE: &str = "<style>svg{font:13px sans-serif;background:#fff}rect{fill:#fff;stroke:#2458a6;stroke-width:1.5}\
line{stroke:#555;stroke-width:1.5}marker path{fill:#555}text{fill:#1a1a1a}text.group,text.edge-label,text.tick-label{font-size:11px;fill:#555}\
text.edge-label{paint-order:stroke;stroke:#fff;stroke-width:4px}rect.bar{fill:#2458a6;stroke:none}\
rect.bar.ongoing{fill-opacity:.3;stroke:#2458a6;stroke-dasharray:5 3}line.tick{stroke:#d4d4d4;stroke-width:1}</style>";

/// A drawing of this app (`Layout::svg`, `Gantt::svg`) with its styles inside, to be shown
/// as an image of its own.
pub fn standalone_svg(svg: &str) -> String {
    match svg.find('>') {
        Some(end) => format!("{}{STANDALONE_STYLE}{}", &svg[..=end], &svg[end + 1..]),
        None => svg.to_owned(),
    }
}

impl Layout {
    /// The drawing as SVG markup. Every text is escaped; the only tags are written here.
    pub fn svg(&self, title: &str) -> String {
        let mut svg = String::with_capacity(512 + 256 * self.boxes.len());
        let _ = write!(
            svg,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"diagram\" role=\"img\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\">\
             <title>{}</title>\
             <defs><marker id=\"arrowhead\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\">\
             <path d=\"M0,0 L10,5 L0,10 z\"/></marker></defs>",
            escape(title),
            w = self.width,
            h = self.height,
        );
        for arrow in &self.arrows {
            let ((x1, y1), (x2, y2)) = (arrow.from, arrow.to);
            let _ =
                write!(svg, "<line x1=\"{x1}\" y1=\"{y1}\" x2=\"{x2}\" y2=\"{y2}\" marker-end=\"url(#arrowhead)\"/>");
            if !arrow.label.is_empty() {
                let (x, y) = ((x1 + x2) / 2, (y1 + y2) / 2);
                let _ = write!(
                    svg,
                    "<text class=\"edge-label\" x=\"{x}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
                    y.saturating_sub(4),
                    escape(&shorten(&arrow.label, 18))
                );
            }
        }
        let room = self.box_width - 2 * BOX_PADDING;
        let (name_chars, group_chars) = ((room / NAME_CHAR_PX) as usize, (room / GROUP_CHAR_PX) as usize);
        for b in &self.boxes {
            let _ = write!(
                svg,
                "<g><title>{}</title><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{BOX_HEIGHT}\" rx=\"6\"/>\
                 <text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
                escape(&b.name),
                b.x,
                b.y,
                self.box_width,
                b.x + self.box_width / 2,
                b.y + if b.group.is_empty() { 31 } else { 24 },
                escape(&shorten(&b.name, name_chars))
            );
            if !b.group.is_empty() {
                let _ = write!(
                    svg,
                    "<text class=\"group\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
                    b.x + self.box_width / 2,
                    b.y + 42,
                    escape(&shorten(&b.group, group_chars))
                );
            }
            svg.push_str("</g>");
        }
        svg.push_str("</svg>");
        svg
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(cells: &[&[(&str, &str)]]) -> Vec<Row> {
        cells
            .iter()
            .map(|row| {
                let mut r = Row::new();
                r.extend(row.iter().map(|(k, v)| (k.to_string(), v.to_string())));
                r
            })
            .collect()
    }

    fn sample() -> Graph {
        Graph::from_tables(
            &rows(&[
                &[("name", "Web app"), ("group", "Client")],
                &[("name", "API gateway"), ("group", "Edge")],
                &[("name", "Claims service")],
                &[("name", "")],
            ]),
            &rows(&[
                &[("from", "web APP"), ("to", "API gateway"), ("label", "HTTPS")],
                &[("from", "API gateway"), ("to", "Claims service")],
                &[("from", "Claims service"), ("to", "Azure OpenAI"), ("label", "prompts \"redacted\"")],
                &[("from", "Claims service"), ("to", "")],
            ]),
        )
    }

    #[test]
    fn connections_match_components_by_name_and_add_unknown_ones() {
        let graph = sample();
        let names: Vec<_> = graph.nodes.iter().map(|n| n.name.as_str()).collect();
        assert_eq!(names, ["Web app", "API gateway", "Claims service", "Azure OpenAI"]);
        assert_eq!(graph.edges.len(), 3, "an arrow to nowhere is dropped");
    }

    #[test]
    fn mermaid_groups_components_and_escapes_labels() {
        assert_eq!(
            sample().mermaid(),
            "flowchart LR\n    subgraph g1[\"Client\"]\n        n1[\"Web app\"]\n    end\n    subgraph g2[\"Edge\"]\n        \
             n2[\"API gateway\"]\n    end\n    n3[\"Claims service\"]\n    n4[\"Azure OpenAI\"]\n    n1 -->|\"HTTPS\"| n2\n    \
             n2 --> n3\n    n3 -->|\"prompts #quot;redacted#quot;\"| n4"
        );
    }

    #[test]
    fn layout_puts_each_node_right_of_what_points_to_it_even_with_cycles() {
        let graph = Graph::from_tables(
            &rows(&[&[("name", "A")], &[("name", "B")], &[("name", "C")]]),
            &rows(&[&[("from", "A"), ("to", "B")], &[("from", "B"), ("to", "C")], &[("from", "C"), ("to", "A")]]),
        );
        let layout = graph.layout();
        let xs: Vec<u32> = layout.boxes.iter().map(|b| b.x).collect();
        assert!(xs[0] < xs[1] && xs[1] < xs[2], "{xs:?}");
        assert_eq!(layout.width, MARGIN + 3 * BOX_WIDTH + 2 * GAP_X + MARGIN);
    }

    /// A label is drawn whole: the boxes widen together to the longest name or group ("On-
    /// premises (EU data centre)" was cut on the deck's slide), up to a width past which a
    /// name is cut and kept whole in the tooltip.
    #[test]
    fn boxes_widen_to_fit_their_labels() {
        let group = "On-premises (EU data centre)";
        let graph = Graph::from_tables(&rows(&[&[("name", "Redaction service"), ("group", group)]]), &[]);
        let layout = graph.layout();
        assert_eq!(layout.box_width, 28 * GROUP_CHAR_PX + 2 * BOX_PADDING);
        assert!(layout.svg("").contains(&format!(">{group}</text>")));
        assert_eq!(Graph::from_tables(&rows(&[&[("name", "API")]]), &[]).layout().box_width, BOX_WIDTH);
        let long = "A claims assistant with a name far longer than any box can hold";
        let layout = Graph::from_tables(&rows(&[&[("name", long)]]), &[]).layout();
        assert_eq!(layout.box_width, MAX_BOX_WIDTH);
        let svg = layout.svg("");
        assert!(svg.contains(&format!("<title>{long}</title>")) && svg.contains("…</text>"), "{svg}");
    }

    #[test]
    fn svg_escapes_every_text() {
        let graph = Graph::from_tables(&rows(&[&[("name", "<script>x</script>"), ("group", "a&b")]]), &[]);
        let svg = graph.layout().svg("Architecture of <b>");
        assert!(!svg.contains("<script>") && !svg.contains("<b>"), "{svg}");
        assert!(svg.contains("&lt;script&gt;x&lt;/script&gt;") && svg.contains("a&amp;b"));
    }
}
