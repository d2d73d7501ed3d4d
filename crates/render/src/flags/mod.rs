//! Country flags (4:3 SVG) from flag-icons, a maintained set under the MIT
//! licence: `crates/render/flags` holds the files with their LICENSE and
//! VERSION; `tools/flags/update.sh` refreshes them.

use vigie_domain::CountryCode;

mod list;

/// The flag of `country`, as SVG, when the set has one.
pub fn svg(country: CountryCode) -> Option<&'static str> {
    let code = country.as_str().to_ascii_lowercase();
    list::FLAGS.binary_search_by(|(c, _)| (*c).cmp(code.as_str())).ok().map(|i| list::FLAGS[i].1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_set_is_sorted_and_each_flag_is_a_safe_svg() {
        assert!(list::FLAGS.windows(2).all(|w| w[0].0 < w[1].0), "binary search needs the codes in order");
        for (code, svg) in list::FLAGS {
            assert!(svg.contains("<svg"), "{code}");
            let image = vigie_domain::Image::from_bytes(svg.as_bytes().to_vec());
            assert!(image.is_ok(), "{code}: {image:?}");
        }
    }

    #[test]
    fn a_country_has_its_flag() {
        let flag = svg(CountryCode::new("BF").unwrap()).unwrap();
        assert!(flag.contains("viewBox=\"0 0 640 480\""), "{flag}");
        assert!(svg(CountryCode::new("SA").unwrap()).is_some());
    }
}
