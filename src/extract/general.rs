//! The general main-content chooser (readability-style, our own): paragraphs score by length
//! and commas, scores flow to a few ancestors, the best container (less its link share) wins,
//! and siblings that look like more of the story join it. Reads a [`Prepared`] page; picks
//! nodes only; cleaning and output are the writer's.

use super::dom::NodeId;
use super::prep::Prepared;
use super::signals::Verdict;

/// Shortest text (non-space characters) that counts as a paragraph.
const MIN_PARAGRAPH: u32 = 25;
/// How many ancestors a paragraph's score reaches.
const ANCESTORS: usize = 5;
/// Less text than this in the chosen nodes is no article.
const MIN_ARTICLE: u32 = 80;

/// The nodes that hold the story, in document order; `None` when nothing looks like one.
pub(super) fn choose(p: &Prepared) -> Option<Vec<NodeId>> {
    let mut scores = score(p);
    let finals = finals(p, &scores);
    let Some(best) = best(p, &finals) else {
        // No paragraph anywhere (text straight in the body, or in inline elements only).
        return (p.stats[p.body].text >= MIN_ARTICLE).then(|| vec![p.body]);
    };
    let top = widen(p, &finals, best);
    scores.iter_mut().zip(&finals).for_each(|(s, f)| {
        if *f == 0.0 && !s.is_nan() {
            *s = 0.0;
        }
    });
    let nodes = with_siblings(p, &scores, top);
    let text: u32 = nodes.iter().map(|&n| p.stats[n].text).sum();
    (text >= MIN_ARTICLE).then_some(nodes)
}

/// Content scores of the containers that paragraphs reached (`NaN`: never reached).
fn score(p: &Prepared) -> Vec<f32> {
    let mut scores = vec![f32::NAN; p.dom.nodes.len()];
    for &id in &p.order {
        let Some(points) = paragraph_points(p, id) else {
            continue;
        };
        let mut node = id;
        for level in 0..ANCESTORS {
            let Some(parent) = p.dom.parent(node) else {
                break;
            };
            if p.dom.name(parent).is_none() {
                break;
            }
            if scores[parent].is_nan() {
                scores[parent] = initial(p, parent);
            }
            scores[parent] += match level {
                0 => points,
                1 => points / 2.0,
                l => points / (l as f32 * 3.0),
            };
            node = parent;
        }
    }
    scores
}

/// What a paragraph-like element is worth, or `None` if it is not one.
fn paragraph_points(p: &Prepared, id: NodeId) -> Option<f32> {
    let name = p.dom.name(id)?;
    if p.is_dropped(id) || matches!(name, "body" | "html" | "a") || name.starts_with('h') {
        return None;
    }
    let s = p.stats[id];
    if s.inline < MIN_PARAGRAPH || !super::signals::is_block(&p.dom, id) {
        return None;
    }
    let density = s.link_density();
    if name == "li" && density > 0.5 {
        return None;
    }
    let points = 1.0 + s.inline_commas as f32 + (s.inline as f32 / 100.0).floor().min(3.0);
    Some(points * (1.0 - density))
}

/// A container's starting score: its tag and what its class says.
fn initial(p: &Prepared, id: NodeId) -> f32 {
    let tag = match p.dom.name(id).unwrap_or("") {
        "div" | "article" | "main" | "section" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    };
    tag + weight(p, id)
}

/// +25 for a container that names itself content, −25 for a boilerplate-looking one.
pub(super) fn weight(p: &Prepared, id: NodeId) -> f32 {
    match p.verdicts[id] {
        Verdict::Content => 25.0,
        Verdict::Drop | Verdict::DropIfSmall => -25.0,
        _ => 0.0,
    }
}

/// The score less the link share; a list of teasers (many short linked items that outscore a
/// few long paragraphs) is no candidate.
fn final_score(p: &Prepared, scores: &[f32], id: NodeId) -> f32 {
    if is_teaser_list(p, id) {
        return 0.0;
    }
    scores[id] * (1.0 - p.stats[id].link_density())
}

/// Final scores of all candidates (`NaN` elsewhere, dropped nodes included).
fn finals(p: &Prepared, scores: &[f32]) -> Vec<f32> {
    let mut out = vec![f32::NAN; scores.len()];
    for &id in &p.order {
        if !scores[id].is_nan() && !p.is_dropped(id) {
            out[id] = final_score(p, scores, id);
        }
    }
    out
}

fn best(p: &Prepared, finals: &[f32]) -> Option<NodeId> {
    p.order
        .iter()
        .copied()
        .filter(|&id| !finals[id].is_nan())
        .max_by(|&a, &b| finals[a].total_cmp(&finals[b]))
}

/// Moves up from the best node when the story is spread: to an ancestor holding several
/// near-best candidates, to a parent that scores higher, through single-child wrappers.
fn widen(p: &Prepared, finals: &[f32], best: NodeId) -> NodeId {
    let top_score = finals[best];
    let mut rivals: Vec<NodeId> = p
        .order
        .iter()
        .copied()
        .filter(|&id| id != best && !finals[id].is_nan())
        .filter(|&id| finals[id] >= 0.75 * top_score)
        .filter(|&id| !p.contains(id, best) && !p.contains(best, id))
        .collect();
    rivals.sort_by(|&a, &b| finals[b].total_cmp(&finals[a]));
    rivals.truncate(5);
    let mut top = best;
    if rivals.len() >= 2 {
        let mut up = p.dom.parent(best);
        while let Some(a) = up.filter(|&a| a != p.body && p.dom.name(a).is_some()) {
            if rivals.iter().filter(|&&r| p.contains(a, r)).count() >= 2 {
                top = a;
                break;
            }
            up = p.dom.parent(a);
        }
    }
    climb(p, finals, top)
}

fn climb(p: &Prepared, scores: &[f32], mut top: NodeId) -> NodeId {
    let mut last = scores[top];
    let threshold = last / 3.0;
    let mut up = p.dom.parent(top);
    while let Some(parent) = up.filter(|&a| a != p.body && p.dom.name(a).is_some()) {
        if !scores[parent].is_nan() {
            if scores[parent] < threshold {
                break;
            }
            if scores[parent] > last {
                top = parent;
                break;
            }
            last = scores[parent];
        }
        up = p.dom.parent(parent);
    }
    while let Some(parent) = p.dom.parent(top).filter(|&a| a != p.body && a != 0) {
        let elements = p
            .dom
            .children(parent)
            .iter()
            .filter(|&&c| p.dom.name(c).is_some());
        if elements.count() != 1 {
            break;
        }
        top = parent;
    }
    top
}

/// `top` with the siblings that look like more of the story, in document order.
fn with_siblings(p: &Prepared, scores: &[f32], top: NodeId) -> Vec<NodeId> {
    let Some(parent) = p.dom.parent(top).filter(|&a| p.dom.name(a).is_some()) else {
        return vec![top];
    };
    let top_score = scores[top].max(0.0);
    let threshold = (top_score * 0.2).max(10.0);
    let top_class = p.dom.attr(top, "class").filter(|c| !c.is_empty());
    let mut out = Vec::new();
    for &sib in p.dom.children(parent) {
        if sib == top {
            out.push(sib);
            continue;
        }
        if p.is_dropped(sib) || p.dom.name(sib).is_none() {
            continue;
        }
        let bonus = if top_class.is_some() && p.dom.attr(sib, "class") == top_class {
            top_score * 0.2
        } else {
            0.0
        };
        let s = p.stats[sib];
        let scored = !scores[sib].is_nan() && scores[sib] + bonus >= threshold;
        let density = s.link_density();
        let paragraph = p.dom.is(sib, &["p"])
            && ((s.text > 80 && density < 0.25)
                || (s.text > 0 && density == 0.0 && ends_sentence(&p.dom.text(sib))));
        if (scored || paragraph) && !is_teaser_list(p, sib) {
            out.push(sib);
        }
    }
    out
}

/// A list of cards or teasers: at least five item elements (`div`, `li`, `article`…), most of
/// them holding a link. Story paragraphs are `<p>`s and seldom all link out.
pub(super) fn is_teaser_list(p: &Prepared, id: NodeId) -> bool {
    const ITEMS: &[&str] = &["div", "li", "article", "section", "dl", "tr", "a"];
    let (mut items, mut linked) = (0, 0);
    for &child in p.dom.children(id) {
        if p.is_dropped(child) || !p.dom.is(child, ITEMS) || p.stats[child].text == 0 {
            continue;
        }
        items += 1;
        linked += usize::from(p.stats[child].links > 0);
    }
    items >= 5 && linked * 10 >= items * 6
}

fn ends_sentence(text: &str) -> bool {
    text.trim_end()
        .ends_with(['.', '!', '?', '…', '»', '"', '“', '”'])
}
