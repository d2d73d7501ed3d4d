//! Plain-text tables aligned by display width (accents, Arabic and arrows
//! included).

use unicode_width::UnicodeWidthStr;

/// Lays out rows as left-aligned columns separated by two spaces.
pub fn layout(rows: &[Vec<String>]) -> Vec<String> {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| rows.iter().filter_map(|r| r.get(c)).map(|cell| cell.width()).max().unwrap_or(0))
        .collect();
    rows.iter()
        .map(|row| {
            let mut line = String::new();
            for (c, cell) in row.iter().enumerate() {
                line.push_str(cell);
                if c + 1 < row.len() {
                    line.push_str(&" ".repeat(widths[c] - cell.width() + 2));
                }
            }
            line.trim_end().to_string()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::layout;

    #[test]
    fn aligns_by_display_width() {
        let lines = layout(&[vec!["Pays".into(), "x".into()], vec!["Côte d'Ivoire".into(), "↑ 7".into()]]);
        assert_eq!(lines, ["Pays           x", "Côte d'Ivoire  ↑ 7"]);
    }
}
