//! The editors' choices of the bulletin composer, beside the issue's
//! number, month, stories and regions: the editorial, the year in
//! numbers' tiles (which, in what order, with which label in each
//! language), the intros of the year and partners pages, the highlights
//! panel and the national days page's rule. The same settings as the issue
//! file's (`vigie_bulletin::issue`), checked by the same rules.

use minijinja::{Value, context};
use vigie_bulletin::issue::{Figure, Issue, MAX_HIGHLIGHTS, NationalDaysRule, Tile};
use vigie_domain::{Lang, Names};

/// One tile's row of the form.
#[derive(Debug, Clone, Default)]
pub struct TileEntered {
    pub code: &'static str,
    pub shown: bool,
    pub order: String,
    /// fr, en, ar.
    pub labels: [String; 3],
}

/// What the editor chose, as typed.
#[derive(Debug, Clone)]
pub struct Choices {
    pub editorial: String,
    pub national_days: String,
    pub highlights: Vec<String>,
    pub tiles: Vec<TileEntered>,
    /// fr, en, ar.
    pub year_intro: [String; 3],
    pub partners_intro: [String; 3],
}

impl Default for Choices {
    fn default() -> Choices {
        Choices {
            editorial: String::new(),
            national_days: NationalDaysRule::default().code().to_string(),
            highlights: Vec::new(),
            tiles: Figure::all()
                .into_iter()
                .map(|figure| TileEntered { code: figure.code(), ..TileEntered::default() })
                .collect(),
            year_intro: Default::default(),
            partners_intro: Default::default(),
        }
    }
}

fn names([fr, en, ar]: &[String; 3]) -> Names {
    Names { fr: fr.trim().to_string(), en: en.trim().to_string(), ar: ar.trim().to_string() }
}

impl Choices {
    /// The choices of a posted form.
    pub fn read(pairs: &[(String, String)]) -> Choices {
        let field = |name: &str| pairs.iter().find(|(k, _)| k == name).map(|(_, v)| v.to_string()).unwrap_or_default();
        let three = |prefix: &str| Lang::ALL.map(|lang| field(&format!("{prefix}_{}", lang.code())));
        let mut choices = Choices {
            editorial: field("editorial").trim().to_string(),
            national_days: field("national_days").trim().to_string(),
            highlights: pairs.iter().filter(|(k, _)| k == "highlight").map(|(_, v)| v.trim().to_string()).collect(),
            year_intro: three("year_intro"),
            partners_intro: three("partners_intro"),
            ..Choices::default()
        };
        for tile in &mut choices.tiles {
            tile.shown = pairs.iter().any(|(k, v)| k == "tile" && v == tile.code);
            tile.order = field(&format!("tile_order_{}", tile.code)).trim().to_string();
            tile.labels = Lang::ALL.map(|lang| field(&format!("tile_{}_{}", lang.code(), tile.code)));
        }
        choices
    }

    /// Sets the issue's editors' settings; the message id and the value at
    /// fault when one is wrong.
    pub fn apply(&self, issue: &mut Issue) -> Result<(), (&'static str, String)> {
        issue.editorial = Some(self.editorial.clone()).filter(|e| !e.is_empty());
        issue.national_days = if self.national_days.is_empty() {
            NationalDaysRule::default()
        } else {
            NationalDaysRule::parse(&self.national_days)
                .ok_or(("web-bulletin-error-national-days", self.national_days.clone()))?
        };
        if self.highlights.len() > MAX_HIGHLIGHTS {
            return Err(("web-bulletin-error-highlights", self.highlights.len().to_string()));
        }
        issue.highlights = self.highlights.clone();
        // the tiles shown, by their order, then the form's
        let mut shown: Vec<(u32, usize, &TileEntered)> = Vec::new();
        for (index, tile) in self.tiles.iter().enumerate().filter(|(_, t)| t.shown) {
            let order = if tile.order.is_empty() {
                u32::MAX
            } else {
                tile.order.parse().map_err(|_| ("web-bulletin-error-tile-order", tile.order.clone()))?
            };
            shown.push((order, index, tile));
        }
        shown.sort_by_key(|(order, index, _)| (*order, *index));
        issue.tiles = shown
            .into_iter()
            .filter_map(|(_, _, tile)| {
                Figure::parse(tile.code).map(|figure| Tile { figure, label: names(&tile.labels) })
            })
            .collect();
        issue.year_intro = names(&self.year_intro);
        issue.partners_intro = names(&self.partners_intro);
        issue.check().map_err(|problem| ("web-bulletin-error-choices", problem))
    }

    /// The form's values: `stories` the month's (id, title), `with_photos`
    /// the year's stories that have a photo.
    pub fn values(&self, lang: Lang, stories: &[(String, String)], with_photos: &[(String, String)]) -> Value {
        let catalog = vigie_i18n::catalog();
        let story = |(id, title): &(String, String), checked: bool| context! { id => id.clone(), title => title.clone(), checked };
        let languages: Vec<Value> = Lang::ALL
            .iter()
            .map(|l| context! { code => l.code(), name => catalog.text(lang, &format!("web-lang-{}", l.code())), dir => if l.is_rtl() { "rtl" } else { "ltr" } })
            .collect();
        let intro = |texts: &[String; 3]| -> Vec<Value> {
            Lang::ALL.iter().zip(texts).map(|(l, text)| context! { lang => l.code(), text => text.clone() }).collect()
        };
        context! {
            editorial => self.editorial.clone(),
            editorials => stories.iter().map(|s| story(s, s.0 == self.editorial)).collect::<Vec<_>>(),
            national_days => self.national_days.clone(),
            highlights => with_photos.iter().map(|s| story(s, self.highlights.contains(&s.0))).collect::<Vec<_>>(),
            max_highlights => MAX_HIGHLIGHTS,
            tiles => self.tiles.iter().map(|tile| {
                let figure = Figure::parse(tile.code);
                context! {
                    code => tile.code,
                    name => figure.map(|f| figure_name(f, lang)).unwrap_or_default(),
                    shown => tile.shown,
                    order => tile.order.clone(),
                    labels => Lang::ALL.iter().zip(&tile.labels).map(|(l, text)| context! { lang => l.code(), text => text.clone() }).collect::<Vec<_>>(),
                }
            }).collect::<Vec<_>>(),
            languages,
            year_intro => intro(&self.year_intro),
            partners_intro => intro(&self.partners_intro),
        }
    }
}

/// A figure's name in the composer: the catalogue's words for many.
fn figure_name(figure: Figure, lang: Lang) -> String {
    let catalog = vigie_i18n::catalog();
    // 3: the plural in every catalogue (2 is the Arabic dual)
    let many = [("count", vigie_i18n::Value::from(3))];
    match figure {
        Figure::Activities(kind) => catalog.text_with(lang, &format!("activity-kind-{}", kind.code()), &many),
        Figure::AgreementsSigned => catalog.text(lang, "web-bulletin-tile-agreements-signed"),
        Figure::Partnerships => catalog.text(lang, "web-bulletin-tile-partnerships"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use vigie_domain::Month;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn the_form_makes_the_issue_files_settings() {
        let choices = Choices::read(&pairs(&[
            ("editorial", "editorial-2023-12"),
            ("national_days", "sent"),
            ("highlight", "a"),
            ("highlight", "b"),
            ("tile", "workshop"),
            ("tile_order_workshop", "2"),
            ("tile_fr_workshop", "Ateliers"),
            ("tile", "conference"),
            ("tile_order_conference", "1"),
            ("year_intro_ar", "سنة"),
        ]));
        let mut issue = Issue::new(58, Month::parse("2023-12").unwrap());
        choices.apply(&mut issue).unwrap();
        assert_eq!(issue.editorial.as_deref(), Some("editorial-2023-12"));
        assert_eq!(issue.national_days, NationalDaysRule::Sent);
        assert_eq!(issue.highlights, ["a", "b"]);
        assert_eq!(issue.tiles.iter().map(|t| t.figure.code()).collect::<Vec<_>>(), ["conference", "workshop"]);
        assert_eq!(issue.tiles[1].label.fr, "Ateliers");
        assert_eq!(issue.year_intro.ar, "سنة");
        let wrong = Choices::read(&pairs(&[("tile", "workshop"), ("tile_order_workshop", "first")]));
        assert_eq!(wrong.apply(&mut issue), Err(("web-bulletin-error-tile-order", "first".into())));
        let many: Vec<(&str, &str)> = ["a", "b", "c", "d", "e", "f", "g"].iter().map(|id| ("highlight", *id)).collect();
        assert_eq!(Choices::read(&pairs(&many)).apply(&mut issue), Err(("web-bulletin-error-highlights", "7".into())));
        let rule = Choices::read(&pairs(&[("national_days", "all")]));
        assert_eq!(rule.apply(&mut issue), Err(("web-bulletin-error-national-days", "all".into())));
    }
}
