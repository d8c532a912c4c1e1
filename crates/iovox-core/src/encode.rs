//! Request bodies, written from the typed models only, straight into one `String`: the
//! client's hot path. Element order and escaping are those of the serde serializer
//! (quick-xml) over the wire form, which the property tests below keep as the oracle; this
//! writer is about ten times faster for a 250-item basket.

use crate::xml::DECLARATION;

struct Out(String);

impl Out {
    fn new(root: &str, capacity: usize) -> (Out, usize) {
        let mut out = Out(String::with_capacity(capacity));
        out.0.push_str(DECLARATION);
        let at = out.open(root);
        (out, at)
    }

    /// Opens an element; returns where its content starts.
    fn open(&mut self, tag: &str) -> usize {
        self.0.push('<');
        self.0.push_str(tag);
        self.0.push('>');
        self.0.len()
    }

    /// Closes an element; one with no content becomes `<tag/>`, as serde writes it.
    fn close(&mut self, tag: &str, content_at: usize) {
        if self.0.len() == content_at {
            self.0.pop();
            self.0.push_str("/>");
        } else {
            self.0.push_str("</");
            self.0.push_str(tag);
            self.0.push('>');
        }
    }

    fn text(&mut self, tag: &str, value: &str) {
        let at = self.open(tag);
        self.0.push_str(&quick_xml::escape::partial_escape(value));
        self.close(tag, at);
    }

    fn number(&mut self, tag: &str, n: u32) {
        self.open(tag);
        self.0.push_str(itoa::Buffer::new().format(n));
        self.0.push_str("</");
        self.0.push_str(tag);
        self.0.push('>');
    }

    fn finish(mut self, root: &str, content_at: usize) -> String {
        self.close(root, content_at);
        crate::xml::keep_carriage_returns(self.0)
    }
}

/// A purchase as the page shapes it.
pub(crate) fn purchase(r: &crate::PurchaseRequest) -> String {
    let (mut out, root) = Out::new("request", 160 + r.items.len() * 200);
    if let Some(url) = &r.callback_url {
        out.text("callback_url", url);
    }
    if !r.cc_list.is_empty() {
        out.text("cc_list", &r.cc_list.join(","));
    }
    if r.dynamic_quantity {
        out.text("dynamic_quantity", "TRUE");
    }
    let items_at = out.open("items");
    for i in &r.items {
        out.open("item");
        out.number("country_code", i.country_code);
        if let Some(a) = i.area_code {
            out.number("area_code", a);
        }
        if let Some(p) = &i.post_code {
            out.text("post_code", p);
        }
        if let Some(c) = &i.city_name {
            out.text("city_name", c);
        }
        out.text("number_type", i.number_type.as_str());
        out.number("quantity", i.quantity);
        if let Some(a) = &i.additional_information {
            out.open("additional_information");
            out.text("firstname", &a.firstname);
            out.text("lastname", &a.lastname);
            out.text("company", &a.company);
            out.text("street", &a.street);
            out.number("building_number", a.building_number);
            out.text("city", &a.city);
            out.text("zipcode", &a.zipcode);
            out.0.push_str("</additional_information>");
        }
        out.0.push_str("</item>");
    }
    out.close("items", items_at);
    out.finish("request", root)
}

/// An attach as the page shapes it: one `<link>` per link, holding its method's fields.
pub(crate) fn attach(r: &crate::AttachRequest) -> String {
    use crate::AttachMethod;
    let (mut out, root) = Out::new("request", 64 + r.links.len() * 160);
    for l in &r.links {
        out.open("link");
        out.text("link_id", &l.link_id);
        out.text("method", l.method.as_str());
        match &l.method {
            AttachMethod::ByArea(a) => {
                out.number("voxnumber_idd", a.voxnumber_idd);
                out.number("area_code", a.area_code);
                for (tag, on) in [
                    ("fallback_city", a.fallback_city),
                    ("fallback_region", a.fallback_region),
                    ("fallback_country", a.fallback_country),
                ] {
                    if on {
                        out.text(tag, "TRUE");
                    }
                }
            }
            AttachMethod::ByVoxnumber { full_voxnumber } => {
                out.text("full_voxnumber", full_voxnumber);
            }
            AttachMethod::ByPostcode(p) => {
                out.text("voxnumber_country", &p.voxnumber_country);
                out.text("postcode", &p.postcode);
                if let Some(d) = p.fallback_area_distance {
                    out.number("fallback_area_distance", d);
                }
            }
        }
        out.0.push_str("</link>");
    }
    out.finish("request", root)
}

/// A detach: `<request>` holding one `<link_id>` per link.
pub(crate) fn detach(r: &crate::DetachRequest) -> String {
    let (mut out, root) = Out::new("request", 64 + r.link_ids.len() * 32);
    for id in &r.link_ids {
        out.text("link_id", id);
    }
    out.finish("request", root)
}

#[cfg(test)]
mod tests {
    //! The serde serializer (quick-xml) over the wire form is the oracle: the writers above
    //! must give its bytes for every typed request.
    use crate::*;
    use proptest::prelude::*;

    fn text() -> impl Strategy<Value = String> {
        "[a-z0-9 <>&\"'\r\n\t\u{e9}\u{1F600}]{0,8}"
    }

    fn item() -> impl Strategy<Value = PurchaseItem> {
        let info = proptest::option::of(
            (text(), text(), text(), text(), any::<u32>(), text(), text()).prop_map(
                |(firstname, lastname, company, street, building_number, city, zipcode)| {
                    AdditionalInformation {
                        firstname,
                        lastname,
                        company,
                        street,
                        building_number,
                        city,
                        zipcode,
                    }
                },
            ),
        );
        let number_type = prop_oneof![
            Just(NumberType::National),
            Just(NumberType::Geographic),
            Just(NumberType::TollFree)
        ];
        (
            any::<u32>(),
            proptest::option::of(any::<u32>()),
            proptest::option::of(text()),
            proptest::option::of(text()),
            number_type,
            any::<u32>(),
            info,
        )
            .prop_map(|(cc, area, post, city, nt, q, info)| PurchaseItem {
                country_code: cc,
                area_code: area,
                post_code: post,
                city_name: city,
                number_type: nt,
                quantity: q,
                additional_information: info,
            })
    }

    fn link() -> impl Strategy<Value = Link> {
        let method = prop_oneof![
            (any::<u32>(), any::<u32>(), any::<[bool; 3]>()).prop_map(|(idd, area, [c, r, k])| {
                AttachMethod::ByArea(ByArea {
                    voxnumber_idd: idd,
                    area_code: area,
                    fallback_city: c,
                    fallback_region: r,
                    fallback_country: k,
                })
            }),
            text().prop_map(|n| AttachMethod::ByVoxnumber { full_voxnumber: n }),
            (text(), text(), proptest::option::of(any::<u32>())).prop_map(|(c, p, d)| {
                AttachMethod::ByPostcode(ByPostcode {
                    voxnumber_country: c,
                    postcode: p,
                    fallback_area_distance: d,
                })
            }),
        ];
        (text(), method).prop_map(|(link_id, method)| Link { link_id, method })
    }

    #[test]
    fn empty_and_escaped_values_match_serde() {
        let mut item = PurchaseItem::new(44, NumberType::Geographic, 1);
        item.post_code = Some(String::new());
        item.additional_information = Some(AdditionalInformation::default());
        let r = PurchaseRequest {
            callback_url: Some(String::new()),
            cc_list: vec!["a<b>&c\"d'e\r\nf".into()],
            dynamic_quantity: false,
            items: vec![item],
            allow_unauthenticated_callbacks: false,
        };
        assert_eq!(
            super::purchase(&r),
            crate::xml::encode("request", &r.to_wire())
        );
        let a = AttachRequest::new(vec![Link::by_voxnumber("x&y", "")]);
        assert_eq!(
            super::attach(&a),
            crate::xml::encode("request", &a.to_wire())
        );
    }

    proptest! {
        #[test]
        fn purchase_is_what_serde_writes(
            callback_url in proptest::option::of(text()),
            cc_list in proptest::collection::vec(text(), 0..3),
            dynamic_quantity in any::<bool>(),
            items in proptest::collection::vec(item(), 0..4),
        ) {
            let r = PurchaseRequest { callback_url, cc_list, dynamic_quantity, items, allow_unauthenticated_callbacks: false };
            prop_assert_eq!(super::purchase(&r), crate::xml::encode("request", &r.to_wire()));
        }

        #[test]
        fn attach_is_what_serde_writes(links in proptest::collection::vec(link(), 0..4)) {
            let a = AttachRequest::new(links);
            prop_assert_eq!(super::attach(&a), crate::xml::encode("request", &a.to_wire()));
        }

        #[test]
        fn detach_is_what_serde_writes(ids in proptest::collection::vec(text(), 0..4)) {
            let d = DetachRequest::new(ids);
            prop_assert_eq!(super::detach(&d), crate::xml::encode("request", &d.to_wire()));
        }
    }
}
