//! The Rust peer: what a user would write with ureq alone. One agent (keep-alive), the
//! request body built once, the answer read and not parsed: the limit for any client on
//! this transport.

/// A bare ureq agent posting a pre-built purchase body.
pub struct BareUreq {
    agent: ureq::Agent,
    url: String,
    username: String,
    secure_key: String,
    body: String,
}

impl BareUreq {
    /// `timeout`: None as a user's plain ureq code has it (ureq sets none by default), or
    /// the same whole-call timeout the iovox client always sets, to show what it costs.
    pub fn new(
        base_url: &str,
        username: &str,
        secure_key: &str,
        body: String,
        timeout: Option<std::time::Duration>,
    ) -> Self {
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(timeout)
            .build()
            .new_agent();
        BareUreq {
            agent,
            url: format!("{base_url}/Purchase?v=3&method=purchaseVoxNumbers"),
            username: username.into(),
            secure_key: secure_key.into(),
            body,
        }
    }

    /// One purchase; returns the answer's bytes.
    pub fn purchase(&self) -> Vec<u8> {
        let mut response = self
            .agent
            .post(&self.url)
            .header("username", &self.username)
            .header("secureKey", &self.secure_key)
            .header("Content-Type", "application/xml")
            .send(self.body.as_bytes())
            .expect("the sandbox answers");
        assert_eq!(response.status().as_u16(), 201);
        response.body_mut().read_to_vec().expect("a body")
    }
}
