//! Properties of the ids derived from imported text: a group's id from its
//! name and an incident's id from its content are the same every time for
//! any text (so re-importing changes nothing), valid, and different for
//! different names.

use std::collections::HashMap;

use proptest::prelude::*;
use vigie_domain::fold::name_key;
use vigie_domain::group::{slug, valid_group_id};
use vigie_domain::incident::derived_id;

/// Names as real files hold them: symbols only, spaces, letters with
/// accents, Arabic, very long, anything.
fn name() -> impl Strategy<Value = String> {
    prop_oneof!["[?…\\-–.*/ ]{0,6}", "[a-zA-Zéèİ ǅ\\-'’]{1,30}", "[ا-ي ]{1,20}", "[a-z ]{50,120}", any::<String>(),]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn a_group_id_is_valid_and_the_same_for_the_same_name(name in name()) {
        prop_assume!(!name_key(&name).is_empty());
        let id = slug(&name);
        prop_assert!(valid_group_id(&id), "{id:?} from {name:?}");
        prop_assert_eq!(&id, &slug(&name));
        // the same name padded or in capitals is the same group
        prop_assert_eq!(&id, &slug(&format!("  {name} ")));
    }

    #[test]
    fn different_names_get_different_group_ids(names in prop::collection::vec(name(), 2..40)) {
        let mut by_id: HashMap<String, String> = HashMap::new();
        for name in names.iter().filter(|n| !name_key(n).is_empty()) {
            let key = name_key(name);
            if let Some(other) = by_id.insert(slug(name), key.clone()) {
                prop_assert_eq!(other, key, "two names, one id {}", slug(name));
            }
        }
    }

    #[test]
    fn derived_incident_ids_are_stable_and_apart(parts in prop::collection::vec(name(), 1..8), other in name()) {
        let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
        let id = derived_id(&parts);
        prop_assert_eq!(&id, &derived_id(&parts));
        prop_assert!(id.starts_with("vg-") && id.len() == 19);
        let mut changed = parts.clone();
        changed[0] = &other;
        prop_assume!(other != parts[0]);
        prop_assert_ne!(id, derived_id(&changed));
    }
}
