//! The citations of the Cite dialog: each style's parts (author, title, outlet, date, URL) for the bundled article and
//! for a made-up article with other values, the BibTeX entry read back by a BibTeX parser and the RIS record by the
//! specification's line rules.

use summit_core::cite::{
    article_citations, authors, bibtex, is_proper_noun, passage_citations, place, ris,
    sentence_case, short_title, title_case, view_citations, view_title, Citation, Place,
};
use summit_core::dates::IsoDate;
use summit_core::model::{Article, DataSet, Quotation, Section};

fn bundled() -> Article {
    let data: DataSet =
        serde_json::from_str(include_str!("../../data/potential-fruits.json")).expect("parses");
    data.article
}

/// An article unlike the bundled one in every field the citations use: two authors (one with a hyphenated given
/// name), a title with a colon, an acronym, a proper noun and a number, an outlet with an ampersand, a September date
/// and a URL with an underscore and a percent sign.
fn made_up() -> Article {
    Article {
        title: "A Quiet Thaw: What NATO and the EU Could Offer Kyiv in 2024".into(),
        author: "Jean-Paul Martin and Ana Lee".into(),
        outlet: "Foreign Desk & Review".into(),
        kind: None,
        published: "2023-09-07".into(),
        url: "http://example.org/notes/quiet_thaw%202024?x=1".into(),
        citation: String::new(),
        focus_event: None,
        sections: vec![
            Section {
                id: "intro".into(),
                heading: None,
                paragraphs: vec![
                    "Quiet diplomacy is back. The offer to Kyiv is a thaw of sorts, and a quiet one.".into(),
                    "Nobody expects a breakthrough before the winter.".into(),
                ],
            },
            Section {
                id: "offer".into(),
                heading: Some("What Could Be Offered?".into()),
                paragraphs: vec![
                    "The first step is small.".into(),
                    "Both sides could agree to talk again, which would be a start. Kyiv would welcome it.".into(),
                ],
            },
        ],
    }
}

fn accessed() -> IsoDate {
    IsoDate::parse("2026-11-27").unwrap()
}

fn italics(c: &Citation) -> Vec<&str> {
    c.italic_parts()
}

// ---------- Names, titles and the case rules ----------

#[test]
fn names_split_into_given_and_family() {
    let names = authors("Jean-Paul Martin and Ana Lee");
    assert_eq!(names.len(), 2);
    assert_eq!(
        (names[0].given.as_str(), names[0].family.as_str()),
        ("Jean-Paul", "Martin")
    );
    assert_eq!(
        (names[1].given.as_str(), names[1].family.as_str()),
        ("Ana", "Lee")
    );
    assert_eq!(authors("Simon Saradzhyan")[0].family, "Saradzhyan");
}

#[test]
fn proper_nouns_come_from_the_article_text() {
    let article = bundled();
    assert!(is_proper_noun("Biden", &article));
    assert!(is_proper_noun("Putin", &article));
    // The article writes "summit" in lower case: it is no proper noun, whatever the title does.
    assert!(!is_proper_noun("Summit", &article));
    assert!(!is_proper_noun("Fruits", &article));
    let other = made_up();
    assert!(is_proper_noun("Kyiv", &other));
    // "Quiet" is capitalised only at the start of a sentence, and written in lower case elsewhere.
    assert!(!is_proper_noun("Quiet", &other));
}

#[test]
fn sentence_case_keeps_proper_nouns_acronyms_and_the_word_after_a_colon() {
    assert_eq!(
        sentence_case("Potential Fruits of the Biden-Putin Summit", &bundled()),
        "Potential fruits of the Biden-Putin summit"
    );
    assert_eq!(
        sentence_case(&made_up().title, &made_up()),
        "A quiet thaw: What NATO and the EU could offer Kyiv in 2024"
    );
}

#[test]
fn title_case_lowers_minor_words_except_first_last_and_after_a_colon() {
    assert_eq!(
        title_case("potential fruits of the biden-putin summit"),
        "Potential Fruits of the Biden-Putin Summit"
    );
    assert_eq!(
        title_case("a quiet thaw: the offer to talk of"),
        "A Quiet Thaw: The Offer to Talk Of"
    );
}

#[test]
fn short_titles_have_at_most_four_words_and_end_on_a_major_word() {
    assert_eq!(
        short_title("Potential Fruits of the Biden-Putin Summit"),
        "Potential Fruits"
    );
    assert_eq!(
        short_title("A Quiet Thaw: What NATO Could Offer"),
        "Quiet Thaw"
    );
    assert_eq!(
        short_title("The Long Road Home Again"),
        "Long Road Home Again"
    );
}

// ---------- APA 7 ----------

#[test]
fn apa_reference_of_the_bundled_article() {
    let c = article_citations(&bundled()).apa;
    assert_eq!(
        c.plain(),
        "Saradzhyan, S. (2021, June 4). Potential fruits of the Biden-Putin summit. Russia Matters. \
         https://www.belfercenter.org/publication/potential-fruits-biden-putin-summit"
    );
    // The title in italics, the outlet not.
    assert_eq!(italics(&c), ["Potential fruits of the Biden-Putin summit"]);
}

#[test]
fn apa_reference_of_another_article() {
    let c = article_citations(&made_up()).apa;
    assert_eq!(
        c.plain(),
        "Martin, J.-P., & Lee, A. (2023, September 7). A quiet thaw: What NATO and the EU could offer Kyiv in 2024. \
         Foreign Desk & Review. http://example.org/notes/quiet_thaw%202024?x=1"
    );
    assert_eq!(
        italics(&c),
        ["A quiet thaw: What NATO and the EU could offer Kyiv in 2024"]
    );
}

// ---------- MLA 9 ----------

#[test]
fn mla_entry_of_the_bundled_article() {
    let c = article_citations(&bundled()).mla;
    assert_eq!(
        c.plain(),
        "Saradzhyan, Simon. “Potential Fruits of the Biden-Putin Summit.” Russia Matters, 4 June 2021, \
         www.belfercenter.org/publication/potential-fruits-biden-putin-summit."
    );
    assert_eq!(italics(&c), ["Russia Matters"]);
}

#[test]
fn mla_entry_of_another_article_abbreviates_the_month_and_names_the_second_author_directly() {
    let c = article_citations(&made_up()).mla;
    assert_eq!(
        c.plain(),
        "Martin, Jean-Paul, and Ana Lee. “A Quiet Thaw: What NATO and the EU Could Offer Kyiv in 2024.” Foreign Desk \
         & Review, 7 Sept. 2023, example.org/notes/quiet_thaw%202024?x=1."
    );
    assert_eq!(italics(&c), ["Foreign Desk & Review"]);
}

// ---------- Chicago 17 ----------

#[test]
fn chicago_note_short_note_and_bibliography_of_the_bundled_article() {
    let c = article_citations(&bundled());
    let url = "https://www.belfercenter.org/publication/potential-fruits-biden-putin-summit";
    assert_eq!(
        c.chicago_note.plain(),
        format!("Simon Saradzhyan, “Potential Fruits of the Biden-Putin Summit,” Russia Matters, June 4, 2021, {url}.")
    );
    assert_eq!(
        c.chicago_short_note.plain(),
        "Saradzhyan, “Potential Fruits.”"
    );
    assert_eq!(
        c.chicago_bibliography.plain(),
        format!("Saradzhyan, Simon. “Potential Fruits of the Biden-Putin Summit.” Russia Matters, June 4, 2021. {url}.")
    );
    assert_eq!(italics(&c.chicago_note), ["Russia Matters"]);
    assert_eq!(italics(&c.chicago_bibliography), ["Russia Matters"]);
    assert!(italics(&c.chicago_short_note).is_empty());
}

#[test]
fn chicago_forms_of_another_article() {
    let c = article_citations(&made_up());
    assert_eq!(
        c.chicago_note.plain(),
        "Jean-Paul Martin and Ana Lee, “A Quiet Thaw: What NATO and the EU Could Offer Kyiv in 2024,” Foreign Desk & \
         Review, September 7, 2023, http://example.org/notes/quiet_thaw%202024?x=1."
    );
    assert_eq!(
        c.chicago_short_note.plain(),
        "Martin and Lee, “Quiet Thaw.”"
    );
    assert_eq!(
        c.chicago_bibliography.plain(),
        "Martin, Jean-Paul, and Ana Lee. “A Quiet Thaw: What NATO and the EU Could Offer Kyiv in 2024.” Foreign Desk \
         & Review, September 7, 2023. http://example.org/notes/quiet_thaw%202024?x=1."
    );
}

// ---------- BibTeX ----------

fn bib_field(entry: &biblatex::Entry, name: &str) -> String {
    let chunks = entry
        .get(name)
        .unwrap_or_else(|| panic!("the entry has {name}"));
    chunks.iter().map(|c| c.v.get()).collect()
}

#[test]
fn the_bibtex_entry_of_the_bundled_article_parses_with_its_fields() {
    let text = bibtex(&bundled());
    assert!(
        text.contains("title = {Potential Fruits of the {Biden}-{Putin} Summit}"),
        "{text}"
    );
    let bibliography = biblatex::Bibliography::parse(&text).expect("the entry parses");
    let entry = bibliography
        .get("saradzhyan2021potential")
        .expect("its key");
    assert_eq!(entry.entry_type, biblatex::EntryType::Misc);
    let authors = entry.author().expect("authors");
    assert_eq!(authors.len(), 1);
    assert_eq!(
        (authors[0].name.as_str(), authors[0].given_name.as_str()),
        ("Saradzhyan", "Simon")
    );
    assert_eq!(
        bib_field(entry, "title"),
        "Potential Fruits of the Biden-Putin Summit"
    );
    assert_eq!(bib_field(entry, "howpublished"), "Russia Matters");
    assert_eq!(bib_field(entry, "year"), "2021");
    assert_eq!(bib_field(entry, "date"), "2021-06-04");
    assert_eq!(
        entry.url().expect("url"),
        "https://www.belfercenter.org/publication/potential-fruits-biden-putin-summit"
    );
    // The month macro comes back as June.
    let date = entry.date().expect("a date");
    let biblatex::PermissiveType::Typed(date) = date else {
        panic!("a typed date")
    };
    let biblatex::DateValue::At(datetime) = date.value else {
        panic!("one day")
    };
    assert_eq!(
        (datetime.year, datetime.month, datetime.day),
        (2021, Some(5), Some(3))
    );
}

#[test]
fn the_bibtex_entry_of_another_article_escapes_and_protects() {
    let text = bibtex(&made_up());
    assert!(
        text.contains("howpublished = {Foreign Desk \\& Review}"),
        "{text}"
    );
    assert!(
        text.contains("{NATO}") && text.contains("{EU}") && text.contains("{Kyiv}"),
        "{text}"
    );
    assert!(text.contains("month = sep"), "{text}");
    let bibliography = biblatex::Bibliography::parse(&text).expect("the entry parses");
    let entry = bibliography.get("martin2023quiet").expect("its key");
    let authors = entry.author().expect("authors");
    let names: Vec<_> = authors
        .iter()
        .map(|p| (p.name.as_str(), p.given_name.as_str()))
        .collect();
    assert_eq!(names, [("Martin", "Jean-Paul"), ("Lee", "Ana")]);
    assert_eq!(bib_field(entry, "howpublished"), "Foreign Desk & Review");
    assert_eq!(
        bib_field(entry, "title"),
        "A Quiet Thaw: What NATO and the EU Could Offer Kyiv in 2024"
    );
    assert_eq!(
        entry.url().expect("url"),
        "http://example.org/notes/quiet_thaw%202024?x=1"
    );
    assert_eq!(bib_field(entry, "year"), "2023");
}

// ---------- RIS ----------

/// Reads an RIS record by the specification's line rules: every line `XX  - value` ending in CR LF, the first `TY`,
/// the last `ER`. Returns (tag, value) pairs.
fn parse_ris(text: &str) -> Vec<(String, String)> {
    assert!(text.ends_with("\r\n"), "lines end with CR LF");
    let lines: Vec<&str> = text.strip_suffix("\r\n").unwrap().split("\r\n").collect();
    let pairs: Vec<(String, String)> = lines
        .iter()
        .map(|line| {
            assert!(
                !line.contains('\n') && !line.contains('\r'),
                "no bare line break in {line:?}"
            );
            let tag = &line[..2];
            assert!(
                tag.bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()),
                "{line:?}"
            );
            assert_eq!(&line[2..6], "  - ", "{line:?}");
            (tag.to_string(), line[6..].to_string())
        })
        .collect();
    assert_eq!(pairs.first().map(|p| p.0.as_str()), Some("TY"));
    assert_eq!(pairs.last().map(|p| p.0.as_str()), Some("ER"));
    pairs
}

fn ris_values(pairs: &[(String, String)], tag: &str) -> Vec<String> {
    pairs
        .iter()
        .filter(|p| p.0 == tag)
        .map(|p| p.1.clone())
        .collect()
}

#[test]
fn ris_records_follow_the_specification() {
    let bundled_record = parse_ris(&ris(&bundled()));
    assert_eq!(ris_values(&bundled_record, "TY"), ["ELEC"]);
    assert_eq!(ris_values(&bundled_record, "AU"), ["Saradzhyan, Simon"]);
    assert_eq!(
        ris_values(&bundled_record, "TI"),
        ["Potential Fruits of the Biden-Putin Summit"]
    );
    assert_eq!(ris_values(&bundled_record, "T2"), ["Russia Matters"]);
    assert_eq!(ris_values(&bundled_record, "PY"), ["2021"]);
    assert_eq!(ris_values(&bundled_record, "DA"), ["2021/06/04/"]);
    assert_eq!(
        ris_values(&bundled_record, "UR"),
        ["https://www.belfercenter.org/publication/potential-fruits-biden-putin-summit"]
    );
    let other = parse_ris(&ris(&made_up()));
    assert_eq!(ris_values(&other, "AU"), ["Martin, Jean-Paul", "Lee, Ana"]);
    assert_eq!(ris_values(&other, "T2"), ["Foreign Desk & Review"]);
    assert_eq!(ris_values(&other, "DA"), ["2023/09/07/"]);
    assert_eq!(
        ris_values(&other, "UR"),
        ["http://example.org/notes/quiet_thaw%202024?x=1"]
    );
}

// ---------- The view ----------

#[test]
fn the_view_is_cited_with_its_title_address_and_access_date() {
    let article = bundled();
    let title = view_title(&article.title, "Matrix");
    assert_eq!(
        title,
        "Summit Fruits: Potential Fruits of the Biden-Putin Summit, explored (Matrix view)"
    );
    let address = "https://example.org/summit/#view=matrix&cat=low-hanging";
    let c = view_citations(&title, address, accessed(), &article);
    assert_eq!(
        c.apa.plain(),
        format!(
            "Summit Fruits: Potential fruits of the Biden-Putin summit, explored (matrix view). (n.d.). Retrieved \
             November 27, 2026, from {address}"
        )
    );
    assert_eq!(
        italics(&c.apa),
        ["Summit Fruits: Potential fruits of the Biden-Putin summit, explored (matrix view)"]
    );
    assert_eq!(
        c.mla.plain(),
        "“Summit Fruits: Potential Fruits of the Biden-Putin Summit, Explored (Matrix View).” Summit Fruits, \
         example.org/summit/#view=matrix&cat=low-hanging. Accessed 27 Nov. 2026."
    );
    assert_eq!(italics(&c.mla), ["Summit Fruits"]);
    assert_eq!(
        c.chicago_note.plain(),
        format!(
            "“Summit Fruits: Potential Fruits of the Biden-Putin Summit, Explored (Matrix View),” Summit Fruits, \
             accessed November 27, 2026, {address}."
        )
    );
    assert_eq!(
        c.chicago_bibliography.plain(),
        format!(
            "Summit Fruits. “Summit Fruits: Potential Fruits of the Biden-Putin Summit, Explored (Matrix View).” \
             Accessed November 27, 2026. {address}."
        )
    );
}

#[test]
fn another_view_and_access_date() {
    let article = made_up();
    let title = view_title(&article.title, "Timeline");
    let c = view_citations(
        &title,
        "http://localhost:4199/#view=timeline",
        IsoDate::parse("2025-02-01").unwrap(),
        &article,
    );
    assert!(c
        .apa
        .plain()
        .contains("Retrieved February 1, 2025, from http://localhost:4199/#view=timeline"));
    assert!(c.apa.plain().starts_with("Summit Fruits: A quiet thaw: What NATO and the EU could offer Kyiv in 2024, explored (timeline view)."));
    assert!(c
        .mla
        .plain()
        .ends_with("localhost:4199/#view=timeline. Accessed 1 Feb. 2025."));
    assert!(c
        .chicago_note
        .plain()
        .contains("accessed February 1, 2025, http://localhost:4199/#view=timeline."));
}

// ---------- Passages ----------

fn quotation(quote: &str, section: &str, paragraph: usize) -> Quotation {
    Quotation {
        quote: quote.into(),
        section: section.into(),
        paragraph,
    }
}

#[test]
fn a_passage_is_placed_by_heading_or_from_the_start() {
    let article = bundled();
    let in_section = quotation("x", "high-hanging-fruit", 3);
    assert_eq!(
        place(&article, &in_section),
        Some(Place {
            heading: Some("High-hanging Fruit".into()),
            paragraph: 3
        })
    );
    let intro = quotation("x", "introduction", 2);
    assert_eq!(
        place(&article, &intro),
        Some(Place {
            heading: None,
            paragraph: 2
        })
    );
    assert_eq!(place(&article, &quotation("x", "nowhere", 1)), None);
}

#[test]
fn passages_of_the_bundled_article_in_each_style() {
    let data: DataSet =
        serde_json::from_str(include_str!("../../data/potential-fruits.json")).expect("parses");
    let article = &data.article;
    // A real quotation of the data set, in a section with a heading.
    let evidence = data
        .items
        .iter()
        .flat_map(|i| &i.evidence)
        .find(|e| e.section == "low-hanging-fruit" && e.quote.split_whitespace().count() < 40)
        .expect("a short quotation in Low-Hanging Fruit");
    let c = passage_citations(article, evidence).expect("placed");
    let quote = evidence.quote.trim().trim_end_matches(['.', ',', ';', ':']);
    assert_eq!(
        c.apa.plain(),
        format!(
            "“{quote}” (Saradzhyan, 2021, Low-Hanging Fruit section, para. {}).",
            evidence.paragraph
        )
    );
    assert_eq!(c.mla.plain(), format!("“{quote}” (Saradzhyan)."));
    assert_eq!(
        c.chicago_note.plain(),
        format!(
            "Simon Saradzhyan, “Potential Fruits of the Biden-Putin Summit,” Russia Matters, June 4, 2021, under \
             “Low-Hanging Fruit,” para. {}, https://www.belfercenter.org/publication/potential-fruits-biden-putin-summit.",
            evidence.paragraph
        )
    );
    assert_eq!(
        c.chicago_short_note.plain(),
        format!(
            "Saradzhyan, “Potential Fruits,” under “Low-Hanging Fruit,” para. {}.",
            evidence.paragraph
        )
    );
}

#[test]
fn passages_of_another_article_including_its_untitled_start_and_a_question_heading() {
    let article = made_up();
    let intro = passage_citations(
        &article,
        &quotation(
            "Nobody expects a breakthrough before the winter.",
            "intro",
            2,
        ),
    )
    .unwrap();
    assert_eq!(
        intro.apa.plain(),
        "“Nobody expects a breakthrough before the winter” (Martin & Lee, 2023, para. 2)."
    );
    assert_eq!(
        intro.mla.plain(),
        "“Nobody expects a breakthrough before the winter” (Martin and Lee)."
    );
    assert!(intro
        .chicago_note
        .plain()
        .contains("September 7, 2023, para. 2, http://"));
    assert_eq!(
        intro.chicago_short_note.plain(),
        "Martin and Lee, “Quiet Thaw,” para. 2."
    );

    let offer = passage_citations(
        &article,
        &quotation("Both sides could agree to talk again", "offer", 2),
    )
    .unwrap();
    assert_eq!(
        offer.apa.plain(),
        "“Both sides could agree to talk again” (Martin & Lee, 2023, What Could Be Offered? section, para. 2)."
    );
    // The heading's own question mark stands in for the comma.
    assert_eq!(
        offer.chicago_short_note.plain(),
        "Martin and Lee, “Quiet Thaw,” under “What Could Be Offered?” para. 2."
    );
}

#[test]
fn a_quotation_of_forty_words_or_more_is_a_block_in_apa() {
    let article = made_up();
    let long = ["word"; 40].join(" ") + ".";
    let c = passage_citations(&article, &quotation(&long, "offer", 1)).unwrap();
    assert_eq!(
        c.apa.plain(),
        format!("{long} (Martin & Lee, 2023, What Could Be Offered? section, para. 1)")
    );
    assert!(!c.apa.plain().contains('“'));
    // MLA runs it in all the same.
    assert!(c.mla.plain().starts_with('“'));
}
