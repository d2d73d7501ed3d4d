//! Plain-text tables aligned by display width (accents, Arabic and arrows
//! included).

use unicode_width::UnicodeWidthStr;

fn pad(cell: &str, width: usize) -> String {
    format!("{cell}{}", " ".repeat(width.saturating_sub(cell.width())))
}

/// Lays out rows as left-aligned columns separated by two spaces. The first
/// `spanning` rows are group headings: a cell followed by empty cells spans
/// them, so a long heading does not widen a single column.
pub fn layout(rows: &[Vec<String>], spanning: usize) -> Vec<String> {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut widths: Vec<usize> = (0..columns)
        .map(|c| rows.iter().skip(spanning).filter_map(|r| r.get(c)).map(|cell| cell.width()).max().unwrap_or(0))
        .collect();
    // spans: (row, first column, last column)
    let mut spans = Vec::new();
    for (r, row) in rows.iter().enumerate().take(spanning) {
        let mut c = 0;
        while c < row.len() {
            let mut last = c;
            while last + 1 < row.len() && row[last + 1].is_empty() {
                last += 1;
            }
            let room: usize = widths[c..=last].iter().sum::<usize>() + 2 * (last - c);
            let need = row[c].width();
            if need > room {
                widths[last] += need - room;
            }
            spans.push((r, c, last));
            c = last + 1;
        }
    }
    rows.iter()
        .enumerate()
        .map(|(r, row)| {
            let mut line = String::new();
            if r < spanning {
                for &(_, first, last) in spans.iter().filter(|(sr, _, _)| *sr == r) {
                    let room: usize = widths[first..=last].iter().sum::<usize>() + 2 * (last - first);
                    line.push_str(&pad(&row[first], room + 2));
                }
            } else {
                for (c, cell) in row.iter().enumerate() {
                    line.push_str(&pad(cell, widths[c] + 2));
                }
            }
            line.trim_end().to_string()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::layout;

    fn cells(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn aligns_by_display_width() {
        let lines = layout(&[cells(&["Pays", "x"]), cells(&["Côte d'Ivoire", "↑ 7"])], 0);
        assert_eq!(lines, ["Pays           x", "Côte d'Ivoire  ↑ 7"]);
    }

    #[test]
    fn headings_span_empty_cells() {
        let lines =
            layout(&[cells(&["", "Operations", ""]), cells(&["", "Nov", "Dec"]), cells(&["Mali", "3", "↓ 2"])], 1);
        assert_eq!(lines, ["      Operations", "      Nov  Dec", "Mali  3    ↓ 2"]);
        let wide = layout(&[cells(&["Long heading here", ""]), cells(&["a", "b"])], 1);
        assert_eq!(wide, ["Long heading here", "a  b"]);
        assert_eq!(wide[0].len(), 17);
    }
}
