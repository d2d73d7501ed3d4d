//! An article's Markdown body as a small tree of blocks and inlines, the
//! one thing every edition draws from: the HTML edition and the web preview
//! write it as escaped HTML, the PDF template reads it as JSON data. Raw HTML
//! in the Markdown is kept as text, never as markup, and links keep only the
//! http, https and mailto schemes: nothing a writer types can run as a
//! script in any edition.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde::Serialize;

/// A block of an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    /// Level 1 to 3 (deeper headings are drawn as level 3).
    Heading {
        level: u8,
        content: Vec<Inline>,
    },
    Paragraph {
        content: Vec<Inline>,
    },
    List {
        ordered: bool,
        items: Vec<Vec<Block>>,
    },
    Quote {
        blocks: Vec<Block>,
    },
    Rule,
}

/// A run of text inside a block.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Inline {
    Text {
        text: String,
    },
    Strong {
        content: Vec<Inline>,
    },
    Emphasis {
        content: Vec<Inline>,
    },
    /// `url` is empty when the link's scheme is not allowed.
    Link {
        url: String,
        content: Vec<Inline>,
    },
    Code {
        text: String,
    },
    Break,
}

/// What is being built while the events are read.
enum Open {
    Blocks(Vec<Block>),
    Heading(u8, Vec<Inline>),
    Paragraph(Vec<Inline>),
    List(bool, Vec<Vec<Block>>),
    Item(Vec<Block>, Vec<Inline>),
    Quote(Vec<Block>),
    Strong(Vec<Inline>),
    Emphasis(Vec<Inline>),
    Link(String, Vec<Inline>),
    /// Images, tables, footnotes…: their text is kept inline.
    Transparent,
}

fn safe_url(url: &str) -> String {
    let lower = url.trim().to_ascii_lowercase();
    if ["http://", "https://", "mailto:"].iter().any(|scheme| lower.starts_with(scheme)) {
        url.trim().to_string()
    } else {
        String::new()
    }
}

/// Parses a Markdown body (CommonMark with strikethrough kept as text).
pub fn parse(markdown: &str) -> Vec<Block> {
    let mut stack: Vec<Open> = vec![Open::Blocks(Vec::new())];
    for event in Parser::new_ext(markdown, Options::empty()) {
        match event {
            Event::Start(tag) => stack.push(match tag {
                Tag::Heading { level, .. } => Open::Heading(heading_level(level), Vec::new()),
                Tag::Paragraph => Open::Paragraph(Vec::new()),
                Tag::List(first) => Open::List(first.is_some(), Vec::new()),
                Tag::Item => Open::Item(Vec::new(), Vec::new()),
                Tag::BlockQuote(_) => Open::Quote(Vec::new()),
                Tag::Strong => Open::Strong(Vec::new()),
                Tag::Emphasis => Open::Emphasis(Vec::new()),
                Tag::Link { dest_url, .. } => Open::Link(safe_url(&dest_url), Vec::new()),
                Tag::CodeBlock(_) => Open::Paragraph(Vec::new()),
                _ => Open::Transparent,
            }),
            Event::End(end) => close(&mut stack, end),
            Event::Text(text) | Event::Html(text) | Event::InlineHtml(text) => {
                push_inline(&mut stack, Inline::Text { text: text.into_string() })
            }
            Event::Code(text) => push_inline(&mut stack, Inline::Code { text: text.into_string() }),
            Event::SoftBreak => push_inline(&mut stack, Inline::Text { text: " ".into() }),
            Event::HardBreak => push_inline(&mut stack, Inline::Break),
            Event::Rule => push_block(&mut stack, Block::Rule),
            _ => {}
        }
    }
    while stack.len() > 1 {
        close(&mut stack, TagEnd::Paragraph);
    }
    match stack.pop() {
        Some(Open::Blocks(blocks)) => blocks,
        _ => Vec::new(),
    }
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        _ => 3,
    }
}

/// Adds text to the innermost inline container, merging adjacent text.
fn push_inline(stack: &mut [Open], inline: Inline) {
    let target = stack.iter_mut().rev().find_map(|open| match open {
        Open::Heading(_, content)
        | Open::Paragraph(content)
        | Open::Strong(content)
        | Open::Emphasis(content)
        | Open::Link(_, content)
        | Open::Item(_, content) => Some(content),
        _ => None,
    });
    match target {
        Some(content) => match (content.last_mut(), inline) {
            (Some(Inline::Text { text }), Inline::Text { text: more }) => text.push_str(&more),
            (_, inline) => content.push(inline),
        },
        // text outside any block (cannot come from the parser): a paragraph
        None => push_block(stack, Block::Paragraph { content: vec![inline] }),
    }
}

/// Adds a block to the innermost block container; a tight list item's
/// loose text becomes a paragraph first.
fn push_block(stack: &mut [Open], block: Block) {
    for open in stack.iter_mut().rev() {
        match open {
            Open::Blocks(blocks) | Open::Quote(blocks) => {
                blocks.push(block);
                return;
            }
            Open::Item(blocks, loose) => {
                if !loose.is_empty() {
                    blocks.push(Block::Paragraph { content: std::mem::take(loose) });
                }
                blocks.push(block);
                return;
            }
            _ => {}
        }
    }
}

fn close(stack: &mut Vec<Open>, _end: TagEnd) {
    let Some(open) = stack.pop() else { return };
    match open {
        Open::Heading(level, content) => push_block(stack, Block::Heading { level, content }),
        Open::Paragraph(content) => push_block(stack, Block::Paragraph { content }),
        Open::List(ordered, items) => push_block(stack, Block::List { ordered, items }),
        Open::Quote(blocks) => push_block(stack, Block::Quote { blocks }),
        Open::Item(mut blocks, loose) => {
            if !loose.is_empty() {
                blocks.push(Block::Paragraph { content: loose });
            }
            if let Some(Open::List(_, items)) = stack.last_mut() {
                items.push(blocks);
            }
        }
        Open::Strong(content) => push_inline(stack, Inline::Strong { content }),
        Open::Emphasis(content) => push_inline(stack, Inline::Emphasis { content }),
        Open::Link(url, content) => push_inline(stack, Inline::Link { url, content }),
        Open::Transparent => {}
        Open::Blocks(blocks) => {
            // the root is never closed by an event: put it back
            stack.push(Open::Blocks(blocks));
        }
    }
}

/// The plain text of inlines (for summaries and the cover's openings).
pub fn plain(content: &[Inline]) -> String {
    let mut text = String::new();
    for inline in content {
        match inline {
            Inline::Text { text: t } | Inline::Code { text: t } => text.push_str(t),
            Inline::Strong { content } | Inline::Emphasis { content } | Inline::Link { content, .. } => {
                text.push_str(&plain(content))
            }
            Inline::Break => text.push(' '),
        }
    }
    text
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&#39;")
}

fn inline_html(content: &[Inline], out: &mut String) {
    for inline in content {
        match inline {
            Inline::Text { text } => out.push_str(&escape(text)),
            Inline::Code { text } => {
                out.push_str("<code>");
                out.push_str(&escape(text));
                out.push_str("</code>");
            }
            Inline::Strong { content } => {
                out.push_str("<strong>");
                inline_html(content, out);
                out.push_str("</strong>");
            }
            Inline::Emphasis { content } => {
                out.push_str("<em>");
                inline_html(content, out);
                out.push_str("</em>");
            }
            Inline::Link { url, content } if url.is_empty() => inline_html(content, out),
            Inline::Link { url, content } => {
                out.push_str(&format!("<a href=\"{}\" rel=\"noopener noreferrer\">", escape(url)));
                inline_html(content, out);
                out.push_str("</a>");
            }
            Inline::Break => out.push_str("<br>"),
        }
    }
}

/// The blocks as HTML; every text is escaped, so the result is safe to put
/// in a page as it is.
pub fn html(blocks: &[Block]) -> String {
    let mut out = String::new();
    blocks_html(blocks, &mut out);
    out
}

fn blocks_html(blocks: &[Block], out: &mut String) {
    for block in blocks {
        match block {
            Block::Heading { level, content } => {
                // an article's own headings sit under its title (h2)
                let tag = format!("h{}", level + 2);
                out.push_str(&format!("<{tag}>"));
                inline_html(content, out);
                out.push_str(&format!("</{tag}>\n"));
            }
            Block::Paragraph { content } => {
                out.push_str("<p>");
                inline_html(content, out);
                out.push_str("</p>\n");
            }
            Block::List { ordered, items } => {
                let tag = if *ordered { "ol" } else { "ul" };
                out.push_str(&format!("<{tag}>\n"));
                for item in items {
                    out.push_str("<li>");
                    // a tight item is one paragraph: drawn without <p>
                    match item.as_slice() {
                        [Block::Paragraph { content }] => inline_html(content, out),
                        blocks => blocks_html(blocks, out),
                    }
                    out.push_str("</li>\n");
                }
                out.push_str(&format!("</{tag}>\n"));
            }
            Block::Quote { blocks } => {
                out.push_str("<blockquote>\n");
                blocks_html(blocks, out);
                out.push_str("</blockquote>\n");
            }
            Block::Rule => out.push_str("<hr>\n"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(t: &str) -> Inline {
        Inline::Text { text: t.into() }
    }

    #[test]
    fn blocks_and_inlines() {
        let blocks =
            parse("## A *b*\n\nOne\ntwo **three** [four](https://x.org/?a=1&b=2).\n\n- x\n- y\n\n> q\n\n---\n");
        assert_eq!(
            blocks,
            [
                Block::Heading { level: 2, content: vec![text("A "), Inline::Emphasis { content: vec![text("b")] }] },
                Block::Paragraph {
                    content: vec![
                        text("One two "),
                        Inline::Strong { content: vec![text("three")] },
                        text(" "),
                        Inline::Link { url: "https://x.org/?a=1&b=2".into(), content: vec![text("four")] },
                        text("."),
                    ]
                },
                Block::List {
                    ordered: false,
                    items: vec![
                        vec![Block::Paragraph { content: vec![text("x")] }],
                        vec![Block::Paragraph { content: vec![text("y")] }]
                    ]
                },
                Block::Quote { blocks: vec![Block::Paragraph { content: vec![text("q")] }] },
                Block::Rule,
            ]
        );
        assert_eq!(
            html(&blocks),
            "<h4>A <em>b</em></h4>\n<p>One two <strong>three</strong> <a href=\"https://x.org/?a=1&amp;b=2\" rel=\"noopener noreferrer\">four</a>.</p>\n<ul>\n<li>x</li>\n<li>y</li>\n</ul>\n<blockquote>\n<p>q</p>\n</blockquote>\n<hr>\n"
        );
    }

    #[test]
    fn nothing_written_runs_as_markup() {
        let markdown = "<script>alert(1)</script>\n\nHi <img src=x onerror=alert(1)> [x](javascript:alert(1)) [y](JaVaScRiPt:alert(1))\n";
        let out = html(&parse(markdown));
        assert!(!out.contains("<script") && !out.contains("<img") && !out.contains("href"), "{out}");
        assert!(out.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{out}");
    }

    #[test]
    fn arabic_and_plain_text() {
        let blocks = parse("التحالف **الإسلامي** العسكري");
        let Block::Paragraph { content } = &blocks[0] else { panic!() };
        assert_eq!(plain(content), "التحالف الإسلامي العسكري");
    }

    #[test]
    fn any_input_gives_blocks_without_panicking() {
        for input in ["", "*", "- ", "> - *a", "[a](", "# ", "1. x\n   - y\n\n     z", "```\ncode\n```", "| a |\n|---|"]
        {
            let _ = html(&parse(input));
        }
    }
}
