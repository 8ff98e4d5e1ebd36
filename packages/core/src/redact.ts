/** What a redacted secret is replaced with. */
export const REDACTED = '[REDACTED]'

/**
 * Words that make a key name a secret (case-insensitive, anywhere in the key): `client_secret`, `password`,
 * `passwd`, `pwd`, `passphrase`, `accessToken`, `Authorization`, `x-api-key`, `credentials`, `privateKey`,
 * `private_key`, `aws_access_key_id`, `Cookie`, `Set-Cookie`, `session`, `X-Amz-Signature`; a `…key` word with any
 * separator or none (`api.key`, `fs.s3a.access.key`, `API KEY`), including the storage account, master and SAS keys
 * of Azure (`AccountKey`, `azure_storage_account_key`, `master_key`, `sas_key`: the `AzureConfigKey` names of
 * https://docs.rs/object_store/0.11.0/object_store/azure/enum.AzureConfigKey.html); and `sig`, a SAS URL's signature
 * (https://learn.microsoft.com/en-us/rest/api/storageservices/create-service-sas), as a whole word only.
 */
const WORDS =
  'secret|passw(?:or)?d|pwd|passphrase|token|authorization|(?:api|private|access|account|master|sas)[-_. ]?key|credential|cookie|session|signature|(?<![a-z])sig(?![a-z])'

// `/* @__PURE__ */`: a bundler cannot tell that `new RegExp` has no side effect, and would keep both (and `WORDS`).
const DEFAULT_KEY = /* @__PURE__ */ new RegExp(WORDS, 'i')
const KEY_WORD = /* @__PURE__ */ new RegExp(WORDS, 'gi')
/**
 * Header names whose value (after `:`) is a whole credential: everything to the end of the line goes
 * (`Token …`, `Digest …`, `ApiKey …`, `AWS4-HMAC-SHA256 …`, every cookie and its attributes).
 */
const LINE_KEY = /^(?:authorization|cookie)$/i

/**
 * What follows a secret word: the rest of the key; then either a separator (an optional closing quote, `:` but
 * not `::`, `=`, `:=` or `=>`, blanks; percent-encoded too, `%22`, `%3A`, `%3D`, as in a query parameter holding a
 * query or JSON: `?next=%2Flogin%3Fpassword%3D…`) or blanks (a `--flag value`); then the start of the value: an
 * optional wrapper of a quoted value (Rust's `Debug` of an `Option` or a newtype, `Some("…")`, `Secret("…")`), an
 * optional (escaped) quote and an optional `Bearer`/`Basic` scheme, which are kept. One sticky match per secret word.
 */
const PAIR =
  /([\w.-]*)(?:((?:[ \t"'`\\]|%22)*(?::(?!:)|=|%3[AaDd])[=>]?[ \t]*)|([ \t]+)(?![\s-]))?(?:[A-Z]\w{0,31}\((?=\\?["'`]))?(\\(?=["'`]))?(["'`]?)((?:[Bb]earer|BEARER|Basic)\s+)?/y
const TOKEN68 = /[\w.~+/=:-]*/y
/**
 * A bare value: to a blank, a quote or a separator; a backslash with the character after it (`\\`, `\,`, a Windows
 * path's `\U`, an escaped space: Java's `Properties.store` writes a value's leading spaces `\ `), except a JSON or C
 * escape of a line break or tab (`\n`, `\r`, `\t`: in JSON text, a raw body's `password=a\nclient_secret=S` is two
 * lines, and the next key is no part of this value), a backslash before a raw line break or tab, or an escape of a
 * quote, where the value ends before the backslash.
 */
const VALUE_RUN = /(?:[^\s"'`,;&}\]\\]|\\[^\t-\rnrt"'`])*/y
const LINE_RUN = /[^\r\n\\]*/y
/**
 * After a key's `:`: YAML node properties (YAML 1.2.2 §6.9, https://yaml.org/spec/1.2.2/#69-node-properties), tags
 * (`!!str`, `!local`, `!<tag:yaml.org,2002:str>`) and anchors (`&pw`) in either order, each followed by a blank, a line
 * break (raw or escaped) or the end, not `!` or `&&` alone (shell text), each at most 129 characters (a failing match
 * reads no further); then, when the key's line ends there, a block scalar's header (group 1: `|` or `>`, then a chomping
 * and an indentation indicator in either order, §8.1.1), blanks, a comment (group 2: `#` after a blank, §6.6,
 * https://yaml.org/spec/1.2.2/#66-comments; at most 257 characters, so that a failing match reads no further) and the
 * line break, raw or escaped (group 3; of CRLF the CR: the LF after it reads as a blank line).
 */
const YAML =
  /(?:[!&][^\s&\\]{1,128}(?![^\s\\])[ \t]*)*(?:([|>][1-9+-]{0,2})?[ \t]*((?<=[ \t])#[^\r\n]{0,256}?)?([\r\n]|\\[nr]))?/y
/**
 * A line (sticky): its indentation (group 1), its text, its line break (group 2); raw, or in JSON text (its line breaks
 * escaped; it ends at the string's closing quote).
 */
const LINES = [/([ \t]*)[^\r\n]*([\r\n])?/y, /((?: |\\t)*)(?:[^\r\n\\"]|\\[^nr\r\n])*(\\[nr])?/y]
/**
 * A line that starts no scalar value: a sequence's entry, a stack frame (`    at f (file.js:1:2)`: V8's, Java's, under
 * a message ending with `password:`), a mapping's key (`user:`, `"user": bob`; its `:` before a blank or a line break,
 * not at the end of a text cut there).
 */
const NOT_VALUE = /^(?:-|at)(?!\S)|:(?=\s)/
/** A stack frame's line (`at f (file.js:1:2)`): not a block scalar's first line either (`Unexpected token: >`). */
const STACK_LINE = /^at(?!\S)/
const AUTHORITY = /[^\s/?#"'`<>\\]*/y
/**
 * A secret name given as the value of a `name` or `key` member, its value in a sibling `value` member (Kubernetes' and
 * ECS's environment variables, `{"name":"DB_PASSWORD","value":"…"}` and `- name: DB_PASSWORD\n  value: …`:
 * https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#environment-variables,
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_KeyValuePair.html; an SSM parameter,
 * `{"Name":"/prod/db/password","Type":"SecureString","Value":"…"}`:
 * https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_Parameter.html; Consul's KV entries,
 * `{"Key":"app/db/password","Flags":0,"Value":"…"}`: https://developer.hashicorp.com/consul/api-docs/kv; as Python,
 * Java (Lombok's `toString`) and Go (`%+v`) print such an object, `Parameter(Name='…', Value='…')`,
 * `EnvVar(name=…, value=…)`, `{Name:… Value:…}`; as logfmt, `name=… value=…`; and as a command line,
 * `aws ssm put-parameter --name /prod/db/password --value …`). Sticky at the name's start, a lookbehind: the member's
 * start (the text's start, a blank, `,`, `;`, `{`, `(`, a quote, `&` or `?` (a query, GitLab's
 * `POST /projects/:id/variables?key=…&value=…`) or an escaped line break or tab before it), `--` (group
 * 2), the key in optional quotes (groups 3 and 4; a quote before it and none after it opens a string the member starts,
 * as in a JSON log's message `"name=DB_PASSWORD value=…"`), its separator (`:` or `=` with blanks around it, blanks after a
 * `--` flag), the name's opening quote (group 5); group 1 is all of it. The name itself is `[\w./-]` characters
 * (`NAME_RUN`). Linear: it reads back over the blanks before the name and around the separator, which belong to this
 * name alone. Its value: a `value` member after it or before it (`memberAfter`, `memberBefore`), read as the pair scan
 * reads a value.
 */
const NAME_MEMBER =
  /(?<=(?:^|[\s,;{("'`&?]|\\[nrt])((--)?(\\?["'`]?)(?:name|key)(\\?["'`]?)(?:[ \t]*[:=][ \t]*|(?<=--\w{3,4})[ \t]+)(\\?["'`]?)))/iy
const NAME_RUN = /[\w./-]*/y
/**
 * A `value` member's key, sticky at its word `value` (any case): before it the member's start (the text's start, a
 * blank, `,`, `;`, `{`, `(`, a quote, `&`, `?`, an escaped line break or tab), `--` (group 1) and its opening quote (group 2); after
 * it its closing quote (group 3; none: group 2 opens a string, `quotes`), then its separator (`:` or `=` after blanks; blanks after `--value`), not read.
 */
const VALUE_KEY = /(?<=(?:^|[\s,;{("'`&?]|\\[nrt])(--)?(\\?["'`]?))value(\\?["'`]?)(?=[ \t]*[:=]|(?<=--value)[ \t])/iy
const VALUE_WORD = /value/gi
/** A line break between two members, raw or escaped in JSON text. */
const LINE_BREAK = /\r\n?|\n|\\r\\n|\\[nr]/
/**
 * A member's indentation: blanks, with a diff's mark of an added or changed line in them (`+`, `~`), as Terraform's plan
 * (`      + name  = "DB_PASSWORD"`) and a unified diff (`kubectl diff`: `+        - name: DB_PASSWORD`) write one.
 */
const INDENT = /[ \t]*(?:[+~](?=[ \t]))?[ \t]*/y
/**
 * A secret-named key in XML markup (sticky at the key's end), then its value (group 1 or 2). Before the key, with its
 * name (128 characters at most, its prefix such as `db.` with it) and an optional namespace (32): `<`, `>` or a quote,
 * or one of them escaped (below), or a `<name>`, `<key>` or `<param-name>` start tag and blanks (Hadoop trims a name's
 * text, `<name> fs.s3a.secret.key </name>`: `confName = …token.toString().trim()` in its `Configuration`,
 * https://github.com/apache/hadoop/blob/f6de2b741ed75aecdd5244ce4a360b9780b53251/hadoop-common-project/hadoop-common/src/main/java/org/apache/hadoop/conf/Configuration.java,
 * `loadResource`); not any `\` or `;`, so that a Windows path (`C:\Users\bob\tokens>git push`) is no markup. After it:
 * the start tag's end, after its attributes if any, when the key is an element's name (`<password>S</password>`,
 * Maven's `settings.xml`; `<wsse:Password Type="…">S</wsse:Password>`, WS-Security's UsernameToken); blanks, the end
 * tag of a `<name>`, `<key>` or `<param-name>` element, blanks, any `<description>`, `<final>` or `<source>` elements
 * (namespaced or not: `<hc:description>`; that `Configuration` reads each child by its local name, `<final>` and
 * `<source>` as a property's flag and origin, a description not at all) and the next start tag, after its
 * attributes if any (`<value xml:space="preserve">`), when the key is that element's text (Hadoop's and Fluss's
 * configuration, `<name>fs.s3a.secret.key</name><value>S</value>`:
 * https://hadoop.apache.org/docs/stable/hadoop-aws/tools/hadoop-aws/index.html; a servlet's `<init-param>`); when the
 * key is the value of a `name` or `key` attribute, the closing quote and either blanks and a `value` attribute
 * (Spring's `<property name="password" value="S"/>`), namespaced or not (`conf:value`: Hadoop reads an attribute by its
 * local name), with at most two attributes between (`final="true"`, each value 256 characters at most, no quote in it)
 * and blanks around its `=` (`Eq ::= S? '=' S?`, XML 1.0 §3.1), or the start tag's end, blanks and an optional
 * `<value>`, after its attributes if any (Java's `<entry key="password">S</entry>`, Log4j 2's `<Property
 * name="password">S</Property>`, Spring's nested `<value>`, `<value type="…">`). An element's value starts after blanks
 * (a pretty-printed `<value>` on a line of its own) and runs to the next `<`, the end of the line or a CDATA section's
 * `]]>` (its `<![CDATA[` is kept), an attribute's to a quote of the kind that opened it (`value='a"b'`). The markup may
 * be escaped: `<` and `>` as a JSON encoder writes them (`\u003c`, `\u003e`: Go's `encoding/json`; `\u003C`, `\u003E`:
 * .NET's System.Text.Json), or as HTML entities (`&lt;`, `&gt;`: an HTML page showing the XML), an escaped `<` ending a
 * value or a description only before a `/` (`&lt;` in XML text is a `<` of the text); an attribute's quotes
 * JSON-escaped (`name=\"password\"`; `\u0022`, `\u0027`: .NET's encoder escapes both) or as HTML entities (`&quot;`,
 * `&#34;`, `&#39;`); line breaks between elements, around a name's text and before a `value` attribute escaped too
 * (`\n`). Names and escapes in any case (`<Name>`, `\u003C`).
 * Linear: the look back stops at a name's second `:` (`pwd::pwd::…`) or at the start tag before its blanks, and a
 * name holds one key, the pair scan moving past it; a match that fails has scanned blanks and the `<description>`,
 * `<final>` or `<source>` elements after the name no further than the next `<` that starts none of them, before which
 * the next key that can match stands (a key inside one of them cannot: no name's end tag follows it), a start tag's
 * attributes at most 320 characters (a name of 64, 256 after it), and the attributes between a `name` and a `value`
 * at most two of 256 characters each; one that succeeds moves the scan past its value. A value before its name:
 * `VALUE_FIRST`.
 */
const XML_PAIR =
  /(?<=(?:(?:<|\\u003c|&lt;)|(?:>|\\u003e|&gt;)|(?:<|\\u003c|&lt;)(?:[\w.-]{1,32}:)?(?:param-)?(?:name|key)(?:>|\\u003e|&gt;)(?:\s|\\[nrt])+|(?:\\?["']|\\u002[27]|&(?:quot|#3[49]);))(?:[\w.-]{1,32}:)?[\w.-]{1,128})(?:(?:(?:(?:\s|\\[nrt])*(?:<|\\u003c|&lt;)\\?\/(?:[\w.-]{1,32}:)?(?:param-)?(?:name|key)(?:>|\\u003e|&gt;)(?:\s|\\[nrt])*(?:(?:<|\\u003c|&lt;)(?:[\w.-]{1,32}:)?(?:description|final|source)(?:>|\\u003e|&gt;)(?:[^<\\&]|[\\&](?!(?:u003c|lt;)\\?\/))*(?:<|\\u003c|&lt;)\\?\/(?:[\w.-]{1,32}:)?(?:description|final|source)(?:>|\\u003e|&gt;)(?:\s|\\[nrt])*)*(?:<|\\u003c|&lt;)(?!(?:[\w.-]{1,32}:)?(?:description|final|source))[\w.:-]{1,64})?(?:\s+[\w.:-]{1,64}=(?:[^<>\\&]|[\\&](?!u003e|gt;)){0,256}?)?(?:>|\\u003e|&gt;)|(?<=(?:name|key)(?:\s|\\[nrt])*=(?:\s|\\[nrt])*(?:\\?["']|\\u002[27]|&(?:quot|#3[49]);)[\w.:-]{1,128})(?:\\?["']|\\u002[27]|&(?:quot|#3[49]);)(?:>|\\u003e|&gt;)(?:\s|\\[nrt])*(?:(?:<|\\u003c|&lt;)value(?:\s+[\w.:-]{1,64}=(?:[^<>\\&]|[\\&](?!u003e|gt;)){0,256}?)?(?:>|\\u003e|&gt;))?)\s*(?:(?:<|\\u003c|&lt;)!\[CDATA\[)?((?:[^<\]\r\n\\&]|[\\&](?!(?:u003c|lt;)\\?\/)|\](?!\][>\\&]))*)|(?:\\?["']|\\u002[27]|&(?:quot|#3[49]);)(?:(?:\s|\\[nrt])+[\w.:-]{1,64}(?:\s|\\[nrt])*=(?:\s|\\[nrt])*(?:\\?["']|\\u002[27]|&(?:quot|#3[49]);)[^"'<>\\&]{0,256}(?:\\?["']|\\u002[27]|&(?:quot|#3[49]);)){0,2}(?:\s|\\[nrt])+(?:[\w.-]{1,32}:)?value(?:\s|\\[nrt])*=(?:\s|\\[nrt])*(\\?["']|\\u002[27]|&(?:quot|#3[49]);)((?:(?!\2)[^<>\r\n])*))/iy

/**
 * A value before the element or attribute naming its key, as `XML_PAIR` after it: sticky at the key's end. Where blanks
 * and the name's end tag follow (`</name>`, `</key>`, `</param-name>`): behind the key (the whole text of that element
 * after blanks, 128 characters at most), its start tag, blanks and any `<description>`, `<final>` or `<source>`
 * elements (namespaced or not) before it, and before them a `<value>` or `<param-value>` element, after its start tag's
 * attributes if any (`<value xml:space="preserve">`), whose text (group 1; group 2 is what follows it, to the key's
 * end) is hidden. Where a quote follows: behind the key (the value of a `name` or `key` attribute, 128 characters at
 * most), its quotes, blanks and `=`, at most two attributes (as `XML_PAIR` reads them), blanks, and before them a
 * `value` attribute, namespaced or not, whose value (group 3, to a quote of its closing quote's kind, group 5; group 4
 * what follows it, to the key's end) is hidden: `<property value="S" name="password"/>`, `<add value="S"
 * key="password"/>` ("the order of attribute
 * specifications in a start-tag or empty-element tag is not significant": XML 1.0 §3.1,
 * https://www.w3.org/TR/xml/#sec-starttags). Element order inside Hadoop's `<property>` is free: its `Configuration`
 * reads each child by its local name, and the `name` and `value` attributes in any order
 * (https://github.com/apache/hadoop/blob/f6de2b741ed75aecdd5244ce4a360b9780b53251/hadoop-common-project/hadoop-common/src/main/java/org/apache/hadoop/conf/Configuration.java,
 * `loadResource`), so `<value>S</value><name>fs.s3a.secret.key</name>` sets the secret too. Markup escaped as
 * `XML_PAIR` reads it; a CDATA section's `<![CDATA[` and `]]>` are kept. Not a value element that follows a name's end
 * tag (`<name>user</name><value>alice</value><name>password</name>`, a list without wrappers): that one is the earlier
 * name's. Bounded: a value longer than 1024 characters is not looked for. Linear: the look back reads the value's text
 * (at most 1024 characters; an attribute's stops at a quote of its kind, once for each of the at most three places
 * its closing quote can stand: before zero, one or two attributes of at most 256 characters each), its start tag's
 * attributes (at most 320 characters, stopping at a `<` and at a `>`, escaped or not), the blanks before the name and
 * around `=`, and the elements between the value and the name no further back than the `</value>` or a `<` that
 * starts no such element; an element's text and the blanks lie between this name and the end tag or quote before
 * it, so no two names read them, and the rest is bounded for each name.
 */
// A lookbehind matches from right to left: its group 5 (the closing quote) is matched before `\5` (the opening one).
const VALUE_FIRST =
  // biome-ignore lint/suspicious/noUselessRegexBackrefs: group 5 is matched first (above)
  /(?=(?:\s|\\[nrt]){0,64}(?:<|\\u003c|&lt;)\\?\/(?:[\w.-]{1,32}:)?(?:param-)?(?:name|key)(?:>|\\u003e|&gt;)|(?:\\?["']|\\u002[27]|&(?:quot|#3[49]);))(?<=(?<!(?:<|\\u003c|&lt;)\\?\/(?:[\w.-]{1,32}:)?(?:param-)?(?:name|key)(?:>|\\u003e|&gt;)(?:\s|\\[nrt])*)(?:<|\\u003c|&lt;)(?:[\w.-]{1,32}:)?(?:param-)?value(?:\s+[\w.:-]{1,64}=(?:[^<>\\&]|[\\&](?!u003e|gt;)){0,256}?)?(?:>|\\u003e|&gt;)(?:(?:<|\\u003c|&lt;)!\[CDATA\[)?((?:[^<\]\\&]|[\\&](?!(?:u003c|lt;)\\?\/)|\](?!\][>\\&])){0,1024})((?:\]\](?:>|\\u003e|&gt;))?(?:<|\\u003c|&lt;)\\?\/(?:[\w.-]{1,32}:)?(?:param-)?value(?:>|\\u003e|&gt;)(?:\s|\\[nrt])*(?:(?:<|\\u003c|&lt;)(?:[\w.-]{1,32}:)?(?:description|final|source)(?:>|\\u003e|&gt;)(?:[^<\\&]|[\\&](?!(?:u003c|lt;)\\?\/))*(?:<|\\u003c|&lt;)\\?\/(?:[\w.-]{1,32}:)?(?:description|final|source)(?:>|\\u003e|&gt;)(?:\s|\\[nrt])*)*(?:<|\\u003c|&lt;)(?:[\w.-]{1,32}:)?(?:param-)?(?:name|key)(?:>|\\u003e|&gt;)(?:\s|\\[nrt])*[\w.-]{1,128})|(?:\s|\\[nrt])(?:[\w.-]{1,32}:)?value(?:\s|\\[nrt])*=(?:\s|\\[nrt])*\5((?:(?!\5)[^<>\r\n]){0,1024})((\\?["']|\\u002[27]|&(?:quot|#3[49]);)(?:(?:\s|\\[nrt])+[\w.:-]{1,64}(?:\s|\\[nrt])*=(?:\s|\\[nrt])*(?:\\?["']|\\u002[27]|&(?:quot|#3[49]);)[^"'<>\\&]{0,256}(?:\\?["']|\\u002[27]|&(?:quot|#3[49]);)){0,2}(?:\s|\\[nrt])+(?:[\w.-]{1,32}:)?(?:name|key)(?:\s|\\[nrt])*=(?:\s|\\[nrt])*(?:\\?["']|\\u002[27]|&(?:quot|#3[49]);)[\w.:-]{1,128}))/iy

/**
 * Credentials recognised by their shape alone, each starting at a word boundary (or right after a JSON or C escape
 * such as `\n` or `\u0020`, or a URL's percent-encoding such as `%20` or `%22`: raw bodies are kept as JSON text and
 * request lines as sent, where the escape puts a letter or digit before the token) and made of a literal prefix
 * followed by runs of one character class (so matching is linear). Shapes as in gitleaks `config/gitleaks.toml`
 * and the secretlint rules: OpenAI/Anthropic `sk-…`, Stripe `sk_live_…`/`rk_…`, AWS access key ids, JWTs,
 * GitHub `ghp_`/`gho_`/`ghu_`/`ghs_`/`ghr_`/`github_pat_`, GitLab `glpat-`, Slack `xox?-` tokens and webhook
 * paths, npm `npm_`, Google `AIza…`, Hugging Face user and organization tokens (`hf_` or `api_org_` and 34 letters:
 * gitleaks' `huggingface-access-token` and `huggingface-organization-api-token` rules), Fauna key and token secrets (`fn`, an upper-case letter and at least 15 more
 * base64url characters, 40 in all today; a scope after it, `:db:role`, is no secret and stays:
 * https://docs.fauna.com/fauna/current/reference/fql-api/auth/key); and `Bearer`/`Basic` credentials anywhere, the
 * blank after the scheme percent-encoded too (`Bearer%20…`; not a `WWW-Authenticate` challenge's
 * `realm=`/`error=`/`scope=` parameters, which are no credential).
 */
const TOKENS =
  /(^|[^\w-]|\\[nrtbfv]|(?:\\u[\dA-Fa-f]{2}|%)[\dA-Fa-f]{2})(?:((?:[Bb]earer|BEARER|Basic)(?:\s|%20)+)(?!realm=|error=|scope=)[\w.~+/=:%-]+|sk-[\w-]{20,}|[rs]k_(?:live|test|prod)_[A-Za-z0-9]{10,}|A(?:KIA|SIA|BIA|CCA|3T[A-Z0-9])[A-Z0-9]{16}(?![A-Za-z0-9])|eyJ[\w-]{2,}\.ey[\w-]+\.[\w-]*|gh[oprsu]_[A-Za-z0-9]{20,}|github_pat_\w{20,}|glpat-[\w-]{20,}|xox[abeoprs]-[\w-]{10,}|hooks\.slack\.com\/(?:services|workflows|triggers)\/[\w/+]+|npm_[A-Za-z0-9]{36,}|AIza[\w-]{35,}|fn[A-Z][\w-]{15,}|(?:hf|api_org)_[A-Za-z]{34}(?![A-Za-z\d]))/g

/**
 * The triggers of the default passes besides a secret word (`DEFAULT_KEY`, `redactPairs`'s trigger): `://` and
 * `:\/` (`redactUserinfo`), `-----BEGIN ` (`redactPem`), the literal start of every `TOKENS` shape, as
 * case-sensitive as `TOKENS` is. Most texts have none of them, and these two searches cost less than the four passes'
 * own (and less than one case-insensitive search for all of them). A third trigger, an escaped letter
 * (`LETTER_ESCAPE`: a secret word may be spelt with them), is looked for only in a text with a `%` or a `\u00`: two
 * `includes`, cheaper than one more alternative here.
 */
const SHAPE_TRIGGER =
  /[Bb]earer|BEARER|Basic|sk-|[rs]k_|A(?:KIA|SIA|BIA|CCA|3T)|eyJ|gh[oprsu]_|github_pat_|glpat-|xox|hooks\.slack\.com|npm_|AIza|fn[A-Z]|hf_|api_org_|:\/\/|:\\\/|-----BEGIN /

/**
 * An ASCII letter, digit, `_`, `-` or `.` escaped: as JSON may write any character (`\u0070assword` is `password`:
 * RFC 8259 §7, "Any character may be escaped") or percent-encoded (`pass%77ord=`: RFC 3986 §2.3, a URI with an
 * unreserved character percent-encoded is equivalent to one with the character itself; WHATWG URL's
 * `application/x-www-form-urlencoded` parser, `URLSearchParams`, decodes a name). The pair scan reads a copy with
 * these decoded (`redactPairs`), so that a key spelt with them names its secret as a JSON or URL reader sees it; never
 * a quote, `:`, `=`, `<` or any other character the scan stops at, so the copy has the text's structure. Also a
 * trigger of the default passes (see `SHAPE_TRIGGER`). A backslash with the `\` or `%` after it is matched too, and not
 * decoded: JSON's `\\u006e` is a backslash and the text `u006e`, and `\%6E` a backslash and an `n`; decoded, either made
 * an escape the text does not hold (`\n`, where a bare value ends, leaving the rest of it).
 */
const LETTER_ESCAPE = /\\[\\%]|(?:\\u00|%)(2[DEde]|3\d|[46][1-9A-Fa-f]|5[\dAaFf]|7[\dAa])/g

interface RedactionRegistry {
  keys: RegExp[]
  values: RegExp[]
  secrets: string[]
}

/**
 * Short texts that redaction left unchanged, under the registry as it was (its three lengths): codes,
 * reasons, titles and messages recur (every error of a code carries the same ones), and a lookup is ~10× cheaper
 * than the scans. Only unchanged texts are kept, so no secret is held here; any registration in any copy changes
 * a length (or the registry object was replaced) and empties the set. Bounded: at most `CLEAN_MAX` texts of at
 * most `CLEAN_LENGTH` characters.
 */
const CLEAN: Set<string> = /* @__PURE__ */ new Set()
const CLEAN_MAX = 1024
const CLEAN_LENGTH = 256
let cleanRegistry: RedactionRegistry | undefined
let cleanSecrets = -1
let cleanKeys = -1
let cleanValues = -1
/**
 * How many times `current` found the registry changed: an answer computed while it moved (a registration during
 * the scan, seen by a `current` call nested in it) is not remembered, even though `current` holds again afterwards.
 */
let generation = 0

/** Where the registry lives on `globalThis` (looked up once per copy: `Symbol.for` costs a registry search). */
const REGISTRY_KEY = Symbol.for('errs.redaction')

/**
 * Shared by every copy of `@errs/core` in the process (the global symbol registry is), so a pattern added
 * through one copy protects errors made by another.
 */
function registry(): RedactionRegistry {
  const g = globalThis as unknown as Record<symbol, RedactionRegistry | undefined>
  let r = g[REGISTRY_KEY]
  if (!r) {
    r = { keys: [], values: [], secrets: [] }
    Object.defineProperty(globalThis, REGISTRY_KEY, { value: r, configurable: true })
  }
  return r
}

/**
 * Extra patterns: `keys` match object keys to hide, `values` match text to hide inside strings. Each is copied when
 * it is registered (source and flags), so changing a `RegExp` afterwards (its `lastIndex`, or the deprecated
 * `compile`) changes nothing: register a new one.
 */
export interface RedactionPatterns {
  /** Object keys whose values are hidden (tested against the whole key). */
  keys?: readonly RegExp[]
  /** Text hidden inside strings (made global, `g`). Run over every redacted string: keep them linear (no nested or
   * overlapping quantifiers). */
  values?: readonly RegExp[]
}

/**
 * Adds redaction patterns for the whole process. Each pattern is copied (source and flags, value patterns made
 * global, `g`), so the registry holds what was registered: the memory of clean texts (`CLEAN`) stays true to it.
 */
export function addRedactionPatterns(patterns: RedactionPatterns): void {
  const r = registry()
  for (const k of patterns.keys ?? []) r.keys.push(new RegExp(k.source, k.flags))
  for (const v of patterns.values ?? []) r.values.push(new RegExp(v.source, v.global ? v.flags : `${v.flags}g`))
}

/**
 * Registers a literal secret (a password from a client config, an API key) so that it is hidden wherever it
 * shows up in a message or detail, also as a JSON string or a URL quotes it (escaped, `\u`-escaped,
 * percent-encoded: see `encodings`), and so that `redactBounded` never leaves its beginning at a cut. Strings
 * shorter than 4 characters are ignored: hiding them would shred ordinary text. A registered secret is kept for the
 * life of the process (there is no removal: an error made later may still carry it), and every text redacted
 * afterwards is searched for it, once for each of its forms: the time to redact a text grows with its length times the
 * number of secrets (10,000 of them: some 6 ms a kilobyte of text, and some 50 ms to cut a long one where no secret
 * begins). Register the secrets of your configuration (a handful), not a value per request. Registering is linear in
 * the number of secrets.
 */
export function addSecret(secret: string): void {
  if (typeof secret === 'string' && secret.length >= 4) {
    const r = registry()
    // Registered ones by their place in the registry (`SECRET_AT`): a look-up, not a search of every one registered.
    if (secretsOf !== r || indexed > r.secrets.length) {
      SECRET_AT.clear()
      secretsOf = r
      indexed = 0
    }
    for (const s of encodings(secret)) {
      // The ones another copy of this package pushed since, first.
      for (; indexed < r.secrets.length; indexed++) SECRET_AT.set(r.secrets[indexed] as string, indexed)
      if (r.secrets[SECRET_AT.get(s) ?? -1] !== s) r.secrets.push(s)
    }
  }
}

/**
 * Where each secret of `secretsOf`, the registry, stands in its `secrets` (its first `indexed` ones): registering one
 * is a look-up, not a search of all of them (10,000 secrets took 15 s to register, each searched for among those
 * before it). Checked against the registry before it is trusted: another copy of this package may have changed it (a
 * secret it no longer holds where it was is pushed again).
 */
const SECRET_AT: Map<string, number> = /* @__PURE__ */ new Map()
let secretsOf: RedactionRegistry | undefined
let indexed = 0

/**
 * A secret as a text may quote it: as it is; inside a JSON string (`"` and `\` escaped: a raw body kept as JSON
 * text); in ASCII-only JSON (also every other character a lower-case `\u` escape, as Python's `json.dumps` writes by
 * default: https://docs.python.org/3/library/json.html#json.dump, `ensure_ascii`); as Go's `encoding/json` writes it
 * (also `<`, `>`, `&`, U+2028 and U+2029 as lower-case `\u` escapes: `appendString`, escapeHTML on by default,
 * https://github.com/golang/go/blob/go1.23.0/src/encoding/json/encode.go); as .NET's System.Text.Json writes it by
 * default (`JavaScriptEncoder.Default`: every character beyond printable ASCII and each of `"&'+<>` and `` ` `` an
 * upper-case `\u` escape, `\` as `\\`, `\b\t\n\f\r` as such:
 * https://github.com/dotnet/runtime/blob/8508a99b0f77d6ca0235c4ade3a1fead926583d5/src/libraries/System.Text.Encodings.Web/src/System/Text/Encodings/Web/DefaultJavaScriptEncoder.cs);
 * and percent-encoded (`encodeURIComponent`: a query parameter); and its UTF-8 bytes read as Latin-1 (mojibake, and
 * how `rawPreview` reads bytes).
 */
function encodings(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1)
  const out = [
    secret,
    json,
    json.replace(/[^\0-\x7f]/g, (c) => unicodeEscape(c, false)),
    json.replace(/[<>&\u2028\u2029]/g, (c) => unicodeEscape(c, false)),
    secret.replace(/[^ !#-%(-*,-;=?-[\]-_a-~]/g, (c) =>
      c === '\\' ? '\\\\' : (SHORT_ESCAPES[c as keyof typeof SHORT_ESCAPES] ?? unicodeEscape(c, true)),
    ),
  ]
  try {
    const pct = encodeURIComponent(secret)
    out.push(pct)
    // Its UTF-8 bytes read one character per byte (Latin-1), as `rawPreview` reads binary data (a control character
    // a space), when the secret has characters beyond ASCII (else that is the secret itself, or its controls blanked).
    if (/[^\0-\x7f]/.test(secret))
      out.push(pct.replace(/%(..)/g, (_, h) => (h < '20' || h === '7F' ? ' ' : String.fromCharCode(parseInt(h, 16)))))
  } catch {
    // A lone surrogate has no percent-encoding (`URIError`): no URL can carry it.
  }
  return out
}

/** The two-character escapes of JSON's control characters that .NET writes (it writes `\u000B` for U+000B). */
const SHORT_ESCAPES = { '\b': '\\b', '\t': '\\t', '\n': '\\n', '\f': '\\f', '\r': '\\r' } as const

/** `\uXXXX` of a UTF-16 code unit, its hex digits upper- or lower-case (`0x10000 + code`: `1` and its four digits). */
function unicodeEscape(c: string, upper: boolean): string {
  const hex = (c.charCodeAt(0) + 0x10000).toString(16).slice(1)
  return `\\u${upper ? hex.toUpperCase() : hex}`
}

/** What a redacted copy writes for an object key (see `keyView`). */
export interface KeyView {
  /** The key as the copy writes it: redacted (a registered secret or a token used as a key is hidden). */
  readonly text: string
  /** True when the key names a secret (`isSecretKey`): the copy hides its value whole. */
  readonly secret: boolean
}

/**
 * Answers of `keyView` for short keys, under the registry as it was (emptied with `CLEAN`): the same few keys
 * (`code`, `description`, `position`, a stats object's names, header names) recur in every copy of a reply's data.
 * Bounded like `CLEAN`.
 */
const KEYS: Map<string, KeyView> = /* @__PURE__ */ new Map()
/** Longest key `KEYS` remembers. */
const KEY_MEMO_LENGTH = 64

/** True when an object key names a secret (default words or a registered key pattern). */
export function isSecretKey(key: string): boolean {
  // A long key is not remembered: check its name only (its text is no part of the answer, and may be megabytes).
  return typeof key === 'string' && key.length <= KEY_MEMO_LENGTH ? keyView(key).secret : namesSecret(key, registry())
}

/** The default words or a registered key pattern match `key`. */
function namesSecret(key: string, r: RedactionRegistry): boolean {
  if (DEFAULT_KEY.test(key)) return true
  for (const k of r.keys) {
    k.lastIndex = 0
    if (k.test(key)) return true
  }
  return false
}

/**
 * `redactString(key)` and `isSecretKey(key)` at once, for a copy that writes `key`: one lookup for a short key (at
 * most 64 characters) seen before under the same registry. The whole key is redacted: cut a long one to its bound
 * first (`toPlainData` cuts keys at `MAX_KEY`).
 */
export function keyView(key: string): KeyView {
  const r = registry()
  const short = typeof key === 'string' && key.length <= KEY_MEMO_LENGTH
  if (short) {
    current(r)
    const known = KEYS.get(key)
    if (known !== undefined) return known
  }
  const seen = generation
  // The text first, then the words and patterns, as a copy did them: a key pattern registered while the text is
  // scanned (a patched `RegExp` method) is used for this key already.
  const text = redactString(key)
  const view: KeyView = { text, secret: namesSecret(key, r) }
  // Remembered only when no registration happened meanwhile (a patched `RegExp` method can register one; the scan of
  // `redactString` then finds it first, so `current` alone would hold again here).
  if (short && current(r) && generation === seen) {
    if (KEYS.size >= CLEAN_MAX) KEYS.clear()
    KEYS.set(key, view)
  }
  return view
}

/**
 * Empties the memories (`CLEAN`, `KEYS`) when the registry changed since they were filled: any registration in any
 * copy changes a length, or the registry object was replaced. True when they still hold.
 */
function current(r: RedactionRegistry): boolean {
  if (
    r !== cleanRegistry ||
    r.secrets.length !== cleanSecrets ||
    r.keys.length !== cleanKeys ||
    r.values.length !== cleanValues
  ) {
    CLEAN.clear()
    KEYS.clear()
    cleanRegistry = r
    cleanSecrets = r.secrets.length
    cleanKeys = r.keys.length
    cleanValues = r.values.length
    generation++
    return false
  }
  return true
}

/** True when `text` is a short text redaction left unchanged before, under the registry as it is now. */
function knownClean(text: string): boolean {
  return text.length <= CLEAN_LENGTH && CLEAN.has(text) && current(registry())
}

/** `t` with each range `[cut[i], cut[i + 1])` replaced by `REDACTED` (ranges in order, not overlapping). */
function splice(t: string, cut: number[]): string {
  if (cut.length === 0) return t
  let out = ''
  let last = 0
  for (let i = 0; i < cut.length; i += 2) {
    out += t.slice(last, cut[i]) + REDACTED
    last = cut[i + 1] as number
  }
  return out + t.slice(last)
}

/** Where a sticky run pattern starting at `i` ends (`i` itself when it does not match). */
function skip(re: RegExp, t: string, i: number): number {
  re.lastIndex = i
  return re.test(t) ? re.lastIndex : i
}

/**
 * Replaces the value of every `key=value` / `key: value` / `"key":"value"` / `--key value` pair whose key names
 * a secret; after `:`, YAML's forms too (`yamlValue`: tags and anchors, block scalars, a value on the lines after its
 * key, a block sequence), and TOML's multi-line strings (`quoted`); a collection whole (`flowEnd`); a `value` member beside a `name` member holding a secret name
 * (`nameMember`: `{"name":"DB_PASSWORD","value":"S"}`, either order). A hand scanner that looks back past what it has
 * handled only for a value before its name (at most 1,792 characters in XML, 768 beside a `name` member), so each
 * character is read a bounded number of times. `Authorization` and `Cookie` values run to the end of the line:
 * the whole credential goes, whatever its scheme (`Token`, `Digest`, `ApiKey`, `AWS4-HMAC-SHA256`), except that
 * `Bearer`/`Basic` are kept.
 */
function redactPairs(t: string): string {
  // Read with escaped letters decoded (`LETTER_ESCAPE`); each cut mapped back.
  const [copy, moves] = decode(t)
  const cut = pairCuts(copy)
  // Reads stay within `moves` (an index past its end is a slow lookup in V8).
  for (let i = 0, k = 0, by = 0; i < cut.length; i++) {
    while (k < moves.length && (moves[k] as number) <= (cut[i] as number)) {
      by = moves[k + 1] as number
      k += 2
    }
    cut[i] = (cut[i] as number) + by
  }
  return splice(t, cut)
}

/**
 * `t` with escaped letters decoded (`LETTER_ESCAPE`), and `moves`: for each escape, the first position of the copy
 * after it and how far the text is then ahead of the copy. (A `test` loop: three times faster than `replace` with a
 * function on a text made of escapes.)
 */
function decode(t: string): [string, number[]] {
  const moves: number[] = []
  let copy = ''
  let last = 0
  LETTER_ESCAPE.lastIndex = 0
  while (LETTER_ESCAPE.test(t)) {
    const end = LETTER_ESCAPE.lastIndex
    if (t[end - 2] === '\\') continue
    copy += t.slice(last, end - (t[end - 3] === '%' ? 3 : 6)) + String.fromCharCode(parseInt(t.slice(end - 2, end), 16))
    moves.push(copy.length, end - copy.length)
    last = end
  }
  return [copy + t.slice(last), moves]
}

/** The cuts of `redactPairs` in `t` (escaped letters decoded): ranges in order, not overlapping. */
function pairCuts(t: string): number[] {
  const cut: number[] = []
  let floor = 0
  // The key of a `value` member after a secret name (`memberAfter`), read when the scan reaches it, so that the keys
  // between them are read in order first (`{"name":"DB_PASSWORD","token":"T","value":"S"}`).
  let sibling = -1
  const seen: ValueKeys = { at: 0, keys: [] }
  KEY_WORD.lastIndex = 0
  for (;;) {
    const m = KEY_WORD.exec(t)
    if (sibling >= 0 && (!m || m.index >= sibling)) {
      // Not when a value read since holds it (`token=a,value=b`, a key past its value's end).
      const v = sibling >= floor ? pairValue(t, sibling, 5, floor) : undefined
      sibling = -1
      if (v && v[1] > v[0] && t.slice(v[0], v[1]) !== REDACTED) cut.push(v[0], v[1])
      if (v) floor = Math.max(floor, v[1])
      if (m && m.index < floor) {
        KEY_WORD.lastIndex = floor
        continue
      }
    }
    if (!m) break
    PAIR.lastIndex = m.index
    const pair = PAIR.exec(t) as RegExpExecArray
    const keyEnd = m.index + (pair[1] as string).length
    const from = floor
    floor = KEY_WORD.lastIndex = keyEnd
    // XML markup (`<password>S</password>`, `<name>…secret.key</name><value>S</value>`, `name="password" value="S"`):
    // its value, and none of the checks below.
    const xml = xmlValue(t, keyEnd)
    // A secret name as a `name` member's value (`"name":"DB_PASSWORD"`): its value is a sibling `value` member's.
    const member = xml || pair[2] ? undefined : nameMember(t, m.index, from)
    // A value before the name (`<value>S</value><name>password</name>`, `value="S" name="password"`,
    // `{"value":"S","name":"DB_PASSWORD"}`): its text, with the cuts made inside it (by a key in the value) before.
    const before = valueBefore(t, keyEnd) ?? (member && memberBefore(t, member, seen))
    const v = before && t.slice(before[0], before[1])
    if (before && v && /\S/.test(v) && v !== REDACTED) {
      let [s, e] = before
      // Those after the value (a member between it and its name, `"token":"T"`) stay, after it.
      const later: number[] = []
      while (cut.length > 0 && (cut[cut.length - 1] as number) > s) {
        const ce = cut.pop() as number
        const cs = cut.pop() as number
        if (cs >= e) later.unshift(cs, ce)
        else [s, e] = [Math.min(s, cs), Math.max(e, ce)]
      }
      cut.push(s, e, ...later)
    }
    if (member) {
      const after = memberAfter(t, member, seen)
      if (after >= 0) sibling = after
      if (after >= 0 || before) continue
    }
    const [start, end] = xml ?? pairValue(t, m.index, m[0].length, from) ?? [0, 0]
    if (end > start && t.slice(start, end) !== REDACTED) cut.push(start, end)
    floor = KEY_WORD.lastIndex = Math.max(end, keyEnd)
  }
  return cut
}

/**
 * The value of the pair whose key holds a secret word (`length` characters at `word`; `value` for a sibling member),
 * as `PAIR` and the readers after it find it, as `[start, end)`; `undefined` when the key is no key (a file name, an
 * error's name, a word before a blank that is no `--` flag). `from`: what the scan has handled.
 */
function pairValue(t: string, word: number, length: number, from: number): [number, number] | undefined {
  PAIR.lastIndex = word
  const [, key = '', sep, gap, escaped, quote, scheme] = PAIR.exec(t) ?? []
  let start = PAIR.lastIndex
  // A file name (`tokenizer.rs:12:5`, `password.txt: denied`) is not a key; a quoted one (`"session.id": …`) is.
  if (sep?.includes(':') && !/["'`]/.test(sep) && /\.[a-z\d]{1,4}$/.test(key) && key.lastIndexOf('.') >= length) return
  // An error's name before its message (`AuthorizationError: forbidden`, `TokenExpiredError: jwt expired`, the first
  // line of every stack) is not a key either.
  if (sep?.includes(':') && /(?:Error|Exception)$/.test(key)) return
  if (!sep) {
    // `--password S`: a long command-line flag, then blanks, then its value.
    if (!gap) return
    const keyStart = nameStart(t, word, from, /[\w.-]/)
    if (!t.startsWith('--', keyStart) || /\S/.test(t[keyStart - 1] ?? ' ')) return
  }
  let end = start
  if (scheme) end = skip(TOKEN68, t, start)
  else if (quote) [start, end] = quoted(t, start, quote, escaped)
  else if (key.length === length && sep?.includes(':') && LINE_KEY.test(key)) {
    end = skip(LINE_RUN, t, start)
    while (t[end] === '\\' && !/[nr]/.test(t[end + 1] ?? 'n')) end = skip(LINE_RUN, t, end + 1)
  } else if (!t.startsWith(REDACTED, start)) {
    // A value that starts with the mark was redacted before (by the token pass: `[REDACTED][REDACTED]`; as a URL's
    // password: `[REDACTED]@host`) and is left as it is, so that redacting a redacted text changes nothing.
    // A flow collection (`[…]`, `{…}`) whole; in JSON text (`\"tokens\":[…]`) as a JSON reader of it reads it.
    const x = sep?.includes('\\') === true
    ;[start, end] = /:\s*$/.test(sep as string) ? yamlValue(t, start, x) : [start, bare(t, start, x)]
  }
  return [start, end]
}

/**
 * A secret name as the value of a `name` or `key` member (`NAME_MEMBER`), the secret word at `word`: the member's
 * start, the name's end (after its closing quote, the one that opened it), the key's `--` and its quote; or
 * `undefined`.
 */
type NameMember = [start: number, end: number, dash: string, quote: string]
function nameMember(t: string, word: number, from: number): NameMember | undefined {
  const name = nameStart(t, word, from, /[\w./-]/)
  NAME_MEMBER.lastIndex = name
  const [, member, dash = '', open = '', close = '', quote = ''] = NAME_MEMBER.exec(t) ?? []
  const q = member === undefined ? undefined : quotes(open, close)
  if (q === undefined) return undefined
  const end = skip(NAME_RUN, t, word)
  return t.startsWith(quote, end)
    ? [name - (member as string).length + open.length - q.length, end + quote.length, dash, q]
    : undefined
}

/**
 * A key's quote, from the quotes before and after it: the same; none after it, a quote before it opens the string the
 * member starts (`"name=DB_PASSWORD value=…"`, `"Name: …\nValue: …"`); else `undefined`.
 */
function quotes(open: string, close: string): string | undefined {
  return open === close ? open : close ? undefined : ''
}

/**
 * The `value` members' keys (`VALUE_KEY`) found in a text so far, as the index of each word `value`, in order, and
 * where the search stopped: each part of the text is searched once (`valueKeys`), whatever the number of names.
 */
interface ValueKeys {
  at: number
  keys: number[]
}

/** `seen`'s keys, searched on to `hi` (from 800 characters before it at most): a name's neighbours are nearer. */
function valueKeys(t: string, seen: ValueKeys, hi: number): number[] {
  const from = Math.max(seen.at, hi - 800)
  if (hi - from < 5) return seen.keys
  const s = t.slice(from, hi)
  VALUE_WORD.lastIndex = 0
  for (let m = VALUE_WORD.exec(s); m; m = VALUE_WORD.exec(s)) {
    VALUE_KEY.lastIndex = from + m.index
    if (VALUE_KEY.test(t)) seen.keys.push(from + m.index)
  }
  // A word across `hi` is found by the next search; none lies wholly in its last four characters.
  seen.at = hi - 4
  return seen.keys
}

/**
 * The `value` member (`VALUE_KEY`) nearest a secret name in `[lo, hi)`, after it or (`back`) before it, whose key is
 * written as the name's (`"name"` and `"value"`, `Name=` and `Value=`, `--name` and `--value`): its start and its word
 * `value`, or `undefined`.
 */
function valueMember(
  t: string,
  seen: ValueKeys,
  lo: number,
  hi: number,
  name: NameMember,
  back: boolean,
): [number, number] | undefined {
  const keys = valueKeys(t, seen, hi)
  let found: [number, number] | undefined
  for (let k = keys.length - 1; k >= 0 && (keys[k] as number) >= lo; k--) {
    const word = keys[k] as number
    VALUE_KEY.lastIndex = word
    const m = word + 5 <= hi ? VALUE_KEY.exec(t) : null
    if (m && (m[1] ?? '') === name[2] && quotes(m[2] as string, m[3] as string) === name[3]) {
      const start = word - (m[1] ?? '').length - name[3].length
      if (start < lo) continue
      found = [start, word]
      if (back) break
    }
  }
  return found
}

/**
 * The word `value` of the sibling `value` member after a secret name (`valueMember`, then `between`), or -1. Bounded:
 * the 260 characters after the name.
 */
function memberAfter(t: string, name: NameMember, seen: ValueKeys): number {
  const key = valueMember(t, seen, name[1], name[1] + 260, name, false)
  return key && between(t, name[1], key[0]) ? key[1] : -1
}

/**
 * The value of the `value` member before a secret name (`{"value":"S","name":"DB_PASSWORD"}`, `- value: S\n  name:
 * DB_PASSWORD`) as `[start, end)`, or `undefined`: the nearest `value` member in the 768 characters before the name's
 * member (`valueMember`), its value read there (as the pair scan reads one, in those characters alone), then at most
 * 256 characters to the name's member (`between`). A value longer than 512 characters is not looked for. Bounded: the
 * 768 characters before the member are read a fixed number of times.
 */
function memberBefore(t: string, name: NameMember, seen: ValueKeys): [number, number] | undefined {
  const lo = Math.max(0, name[0] - 768)
  const key = valueMember(t, seen, lo, name[0], name, true)
  const v = key && pairValue(t.slice(lo, name[0]), key[1] - lo, 5, 0)
  return key && v && v[1] + lo < name[0] && between(t, v[1] + lo, name[0]) ? [v[0] + lo, v[1] + lo] : undefined
}

/**
 * True when `t` from `a` to `b` can lie between two members of one mapping: at most 256 characters, no bracket
 * (`{}[]()<>`: the object ends, or another starts); over lines (`LINE_BREAK`, raw or escaped), the last (the second
 * member's indentation) nothing but `INDENT`, and each line with text before it indented as deep or deeper (a sibling
 * member, or what is nested under one), not an entry of a sequence at that depth (the list's next entry, `- name: …`).
 */
function between(t: string, a: number, b: number): boolean {
  const s = t.slice(a, b)
  if (s.length > 256 || /[{}()[\]<>]/.test(s)) return false
  const lines = s.replace(/\\t/g, '\t').split(LINE_BREAK)
  const last = lines.pop() as string
  if (lines.length > 0 && skip(INDENT, last, 0) < last.length) return false
  for (let k = 1; k < lines.length; k++) {
    const line = lines[k] as string
    const ind = skip(INDENT, line, 0)
    if (ind < line.length && (ind < last.length || (ind === last.length && line[ind] === '-'))) return false
  }
  return true
}

/**
 * A quoted value from `start`, after its opening quote `q` (escaped with `x`, `\"`: JSON text), as `[start, end)`: to
 * the closing quote or the end of the line; past a YAML single-quoted scalar's escaped quote `''` (YAML 1.2.2 §7.3.2).
 * A TOML multi-line string (`"""…"""`, `'''…'''`: TOML v1.0.0, "String") runs over lines to its closing delimiter
 * (not one escaped, `\"""`); to the end of the text when it has none (a text cut inside it).
 */
function quoted(t: string, start: number, q: string, x = ''): [number, number] {
  const d = x + q
  let end = start
  if (t.startsWith(d + d, start)) {
    start += 2 * d.length
    end = start - 1
    do end = t.indexOf(d + d + d, end + 1)
    while (end > 0 && t[end - 1] === '\\')
    return [start, end < 0 ? t.length : end]
  }
  for (let c = t[end]; c !== undefined && c !== '\n' && c !== '\r'; c = t[++end]) {
    if (x ? c === '\\' && t[end + 1] === q : c === q && t[end - 1] !== '\\') {
      if (x || q !== "'" || t[end + 1] !== q) break
      end++
    }
  }
  return [start, end]
}

/**
 * The value of a key whose separator is `:` (YAML, JSON), from `start`, as `[start, end)`: after YAML node properties
 * (`YAML`), when the key's line ends there, the lines after it indented as deep as the first with text, or deeper
 * (blank lines between them too; the block's indentation as YAML detects it, YAML 1.2.2 §8.1.1.1: a block scalar ends
 * at a line less indented; after an indentation indicator, `|2`, whose first line may be indented deeper, any indented
 * line): with a block scalar's header (`|`, `>-`, `|2+`: §8.1), the header and those lines; without one, those lines (a
 * plain scalar over lines, §7.3.3), a quoted value or a flow collection (`flowEnd`, at any indentation) on the next
 * line (JSON's whitespace after `:` too), or a block sequence (§8.2.1: its entries, `- …`, the first at any
 * indentation, the text's start too, and the lines indented deeper than they are; at their indentation, a line that is
 * no entry ends it); comment lines (`#`, §6.6) at any indentation and a comment after the key are hidden with any of
 * these; unless the first line is a mapping's key or a stack frame (`NOT_VALUE`, read before the lines after it, so
 * that no line is read twice over), whose keys and values are their own. Lines are raw, or in JSON text (to the end of
 * its string) when the key's line ends with an escaped line break (`\n`). Otherwise a quoted or bare value
 * (`VALUE_RUN`), with the properties before it.
 */
function yamlValue(t: string, start: number, x: boolean): [number, number] {
  YAML.lastIndex = start
  const [, header, comment, br] = YAML.exec(t) as RegExpExecArray
  let i = YAML.lastIndex
  let last = -1
  // A comment after the key is hidden with the value (in a text that is no YAML, it may be a value: `password: #1a`).
  let from = comment ? start : -1
  if (br) {
    const re = LINES[br.length - 1] as RegExp
    let first = -1
    let ind = 1
    let seq = false
    for (;;) {
      re.lastIndex = i
      const [, blanks = '', b] = re.exec(t) as RegExpExecArray
      const text = re.lastIndex - (b?.length ?? 0)
      const s = i + blanks.length
      const entry = t[s] === '-' && !/\S/.test(t[s + 1] ?? ' ')
      // A comment's line (not in a block scalar, whose text it is), at any indentation, is hidden with the value.
      if (!header && t[s] === '#') {
        if (first < 0 && from < 0) from = s
        last = text
      } else if (text > s) {
        // A sequence's first entry or a flow collection may stand at the text's start (`tokens:\n- a`, `tokens:\n[…]`).
        const open = entry || /[[{]/.test(t[s] as string)
        if ((blanks.length < ind && (first >= 0 || !open || header)) || (seq && blanks.length === ind && !entry)) break
        if (first < 0) {
          // Only the first line is read as text. Its `:` at the text's end (no line break after it) may be a cut
          // inside a value: that line is read as one.
          const line = t.slice(s, text) + (b ? ' ' : '')
          if (!header && /^[[{]/.test(line)) return [from < 0 ? s : from, flowEnd(t, s, br.length > 1)]
          seq = !header && entry
          if (!seq && NOT_VALUE.test(line) && (!header || STACK_LINE.test(line))) break
          first = s
          if (!/\d/.test(header as string)) ind = blanks.length
        }
        last = text
      }
      // A quoted value ends on its line (`quoted`): the lines after it are not read.
      if (!b || (!header && /["']/.test(t[first] as string))) break
      i = re.lastIndex
    }
    if (header || last < 0) return [start, last < 0 ? bare(t, start, x) : last]
    i = from < 0 ? first : from
  }
  return /["']/.test(t[i] as string) ? quoted(t, i + 1, t[i] as string) : br ? [i, last] : [start, bare(t, i, x)]
}

/**
 * Where a bare value from `i` ends: its collections (`flowEnd`; `x`: in JSON text), each after a name if any (a wrapper
 * or a type: Rust's `Some([…])` or `Some(…)` over lines, Go's `[]string{…}`; a Python tuple) and
 * before a name (`{…}x`); else a `VALUE_RUN`.
 */
function bare(t: string, i: number, x: boolean): number {
  let end = -1
  for (let j = skip(NAME_RUN, t, i); /[[{(]/.test(t[j] ?? ''); j = skip(NAME_RUN, t, end)) end = flowEnd(t, j, x)
  return end < 0 ? skip(VALUE_RUN, t, i) : skip(NAME_RUN, t, end)
}

/**
 * Where a flow collection from `i` (`[`, `{` or `(`: a JSON array or object, YAML's flow sequence or mapping, a Python
 * list, dict or tuple) ends: after its matching closing bracket (brackets of its kind counted, so that another kind's
 * stray one, `:)`, ends nothing), brackets inside quoted strings not counted, a backslash
 * escaping the character after it. A string is quoted with `"`, `'` or `` ` `` after a blank, `,`, `:`, `;`, `=`, `>`,
 * a bracket or a backslash, or after a Python string's prefix (`b'…'`, `rb'…'`; not an apostrophe in a word,
 * `don't`), a single-quoted one past YAML's escaped quote `''` (YAML 1.2.2 §7.3.2); a `"` after a word ends the
 * collection (it closes the string the collection stands in: `msg="token: [a" user=bob`). `x`: in JSON text, read as
 * the outer string's reader decodes it first (`\"` a quote, `\\` a backslash) and ended by the outer string's closing
 * quote; JSON text too from a `\"` outside a string on (`"msg":"tokens: [\"a\"]"`: the key's quotes were not
 * escaped); the text's end when it has neither (a text cut inside it). One pass.
 */
function flowEnd(t: string, i: number, x: boolean): number {
  const open = t[i] as string
  const close = open === '[' ? ']' : open === '{' ? '}' : ')'
  let depth = 0
  let q = ''
  let esc = false
  for (let prev = ' '; i < t.length; i++) {
    const at = i
    let c = t[i] as string
    if (x && c === '"') return i
    if (!q && c === '\\' && t[i + 1] === '"') x = true
    // An escape of JSON text (or outside a string): a quote or a backslash of the text in it, else a blank (`\n`, `\t`;
    // brackets are not escaped).
    if ((x || !q) && c === '\\') c = /["\\]/.test(t[++i] ?? '') ? (t[i] as string) : ' '
    if (q) {
      if (esc) esc = false
      else if (c === '\\') esc = true
      else if (c === q && q === "'" && t[i + 1] === q) i++
      else if (c === q) q = ''
    } else if (/["'`]/.test(c)) {
      if (/[\s,:;=>[{(\\]/.test(prev)) q = c
      else if (c === '"') return at
    } else if (c === open) depth++
    else if (c === close && --depth === 0) return i + 1
    // A Python string's prefix is not read as the character before its quote.
    if (!/[bfru]/i.test(c)) prev = c
  }
  return t.length
}

/**
 * Where the name holding a secret word starts: from `word` back over characters of `chars` (a prefix such as `db.` or
 * `ns:`), at most 64, never before `from` (what the scan has handled).
 */
function nameStart(t: string, word: number, from: number, chars: RegExp): number {
  let i = word
  while (i > from && word - i < 64 && chars.test(t[i - 1] as string)) i--
  return i
}

/**
 * The value of a secret-named key ending at `keyEnd` in XML markup (see `XML_PAIR`) as `[start, end)`, or
 * `undefined`.
 */
function xmlValue(t: string, keyEnd: number): [number, number] | undefined {
  XML_PAIR.lastIndex = keyEnd
  const m = XML_PAIR.exec(t)
  return m ? [XML_PAIR.lastIndex - (m[1] ?? m[3] ?? '').length, XML_PAIR.lastIndex] : undefined
}

/**
 * The value before the secret-named key ending at `keyEnd` (see `VALUE_FIRST`: a `<value>` element or a `value`
 * attribute before the name) as `[start, end)`, or `undefined`; `undefined` too when the name ends more than 1,792
 * characters after the value's start: with the at most 185 characters after the name that `VALUE_FIRST` reads (64
 * blanks, escaped or not, and the name's end tag), that is within the 2,048 characters after a cut that `valueCut`
 * reads, so that a bounded redaction hides what a whole one hides.
 */
function valueBefore(t: string, keyEnd: number): [number, number] | undefined {
  VALUE_FIRST.lastIndex = keyEnd
  const [, text, rest, v = text, after = rest] = VALUE_FIRST.exec(t) ?? []
  if (v === undefined || after === undefined || v.length + after.length > 1792) return undefined
  const end = keyEnd - after.length
  return [end - v.length, end]
}

/** Where a URL's authority starts: after `://`, or after its JSON escape `:\/\/`. */
const SCHEME_END = /:\\?\/\\?\//g

/**
 * The password of URL userinfo (`https://user:password@host`, `postgres://u:p@h/db`), also in a JSON-escaped URL
 * (`https:\/\/u:p@h`: PHP's `json_encode` and others escape `/`); the user name stays.
 */
function redactUserinfo(t: string): string {
  const cut: number[] = []
  SCHEME_END.lastIndex = 0
  while (SCHEME_END.test(t)) {
    const from = SCHEME_END.lastIndex
    const end = skip(AUTHORITY, t, from)
    const authority = t.slice(from, end)
    const at = authority.lastIndexOf('@')
    const colon = authority.indexOf(':')
    if (colon >= 0 && colon < at - 1 && authority.slice(colon + 1, at) !== REDACTED)
      cut.push(from + colon + 1, from + at)
    // From the authority's last character: a `:` there may start the next URL (`https://u:p@https://u:q@h`).
    SCHEME_END.lastIndex = end > from ? end - 1 : end
  }
  return splice(t, cut)
}

/**
 * PEM private-key blocks (`-----BEGIN … PRIVATE KEY-----` … `-----END … PRIVATE KEY-----`), replaced whole;
 * a block whose END is missing (cut) is hidden to the end of the text.
 */
function redactPem(t: string): string {
  const cut: number[] = []
  for (let b = t.indexOf('-----BEGIN '); b >= 0; b = t.indexOf('-----BEGIN ', b + 11)) {
    const h = t.indexOf('-----', b + 11)
    if (h < 0) break
    if (h - b > 120 || !/PRIVATE KEY( BLOCK)?$/.test(t.slice(b + 11, h))) continue
    const e = t.indexOf('-----END ', h + 5)
    const close = e < 0 ? -1 : t.indexOf('-----', e + 9)
    cut.push(b, close < 0 ? t.length : close + 5)
    b = (cut[cut.length - 1] as number) - 11
  }
  return splice(t, cut)
}

/**
 * Hides secrets inside a string, in time linear in its length: registered secrets, user patterns, then the
 * default patterns (PEM private keys, secret-named pairs and headers, URL passwords, shaped tokens). Two searches
 * for the default passes' triggers (a secret word; `://`, `-----BEGIN ` or a token prefix) decide whether they
 * run, so text without one costs those two. A short text found clean before, under the same registry, is
 * returned at the cost of a set lookup (see `CLEAN`; registered patterns are copies, so a `RegExp` changed after
 * it was registered changes nothing). Never throws: if anything fails, the whole string is hidden.
 */
export function redactString(text: string): string {
  try {
    const input = String(text)
    return knownClean(input) ? input : scan(input)
  } catch {
    return REDACTED
  }
}

/** `redactString` of a text not known to be clean (see `knownClean`); remembers it when it is short and clean. */
function scan(input: string): string {
  const r = registry()
  // The memory made true of the registry as it is before the scan: a registration during it (a patched `RegExp`
  // method) then makes `current` fail below, or moves `generation` (when a scan nested in that method found it
  // first), and the text is not remembered.
  current(r)
  const seen = generation
  let out = input
  for (const s of r.secrets) if (out.includes(s)) out = out.split(s).join(REDACTED)
  for (const p of r.values) {
    p.lastIndex = 0
    out = out.replace(p, REDACTED)
  }
  // The key-block pass once more after the token pass, which can leave a header that reads as one (`-----BEGIN …Basic
  // -----RSA PRIVATE KEY-----` becomes `…Basic [REDACTED] PRIVATE KEY-----`): a second redaction then changes nothing.
  if (
    DEFAULT_KEY.test(out) ||
    SHAPE_TRIGGER.test(out) ||
    ((out.includes('%') || out.includes('\\u00')) && out.search(LETTER_ESCAPE) >= 0)
  )
    out = redactPem(redactUserinfo(redactPairs(redactPem(out))).replace(TOKENS, `$1$2${REDACTED}`))
  if (out === input && input.length <= CLEAN_LENGTH && current(r) && generation === seen) {
    if (CLEAN.size >= CLEAN_MAX) CLEAN.clear()
    CLEAN.add(input)
  }
  return out
}

/** Longest beginning of `secret` (shorter than it) that `head` ends with; 0 when `head` ends with all of it. */
function overlap(head: string, secret: string): number {
  const n = secret.length
  const fail = new Array<number>(n).fill(0)
  for (let i = 1, k = 0; i < n; i++) {
    while (k > 0 && secret[i] !== secret[k]) k = fail[k - 1] as number
    if (secret[i] === secret[k]) k++
    fail[i] = k
  }
  let q = 0
  for (let i = Math.max(0, head.length - n); i < head.length; i++) {
    while (q > 0 && head[i] !== secret[q]) q = fail[q - 1] as number
    if (head[i] === secret[q]) q++
    if (q === n) {
      if (i === head.length - 1) return 0
      q = fail[n - 1] as number
    }
  }
  return q
}

/** Longest word dropped whole when a cut falls inside it (a token cut in half is no longer recognisable). */
const MAX_CUT_WORD = 256
const WORD_CHAR = /[^\s"'`<>()[\]{},;]/

/**
 * Where a text longer than `max` characters is cut (the length of what is kept): never inside a surrogate pair;
 * before a word the cut would fall inside (up to 256 characters, e.g. a token), so that the word is dropped whole;
 * and so that the kept text never ends with the beginning of a registered secret (`addSecret`), of any length — the
 * cut loses text anyway, so dropping those few characters too costs nothing, while even 3 characters would be most
 * of a short secret; and never inside a URL's authority before its `@` (`authorityCut`). May throw on a hostile
 * registry (the callers catch).
 */
export function cutIndex(t: string, max: number): number {
  let cut = wholePairs(t, max >= 0 ? Math.floor(max) : 0)
  if (WORD_CHAR.test(t[cut] as string)) {
    let s = cut
    while (s > 0 && cut - s < MAX_CUT_WORD && WORD_CHAR.test(t[s - 1] as string)) s--
    if (s === 0 || !WORD_CHAR.test(t[s - 1] as string)) cut = s
  }
  // The secret check before the value check too: a cut it moves into a name (`passwo|rd`) leaves that name's value
  // in the head without its name.
  return secretCut(t, valueCut(t, secretCut(t, authorityCut(t, cut))))
}

/**
 * `cut`, moved back to the start of a value in the head whose secret name the head does not hold whole (a `<value>`
 * element or a `value` attribute before its name, `VALUE_FIRST`, the name or its end tag past the cut): the head's
 * redaction would keep that value. Names starting from 256 characters before the cut to 2048 after it are read: a
 * value's name ends at most 1,792 characters after its start (`valueBefore`), its end tag within 185 more. Escaped
 * letters after the cut (no encoder writes them: see `LETTER_ESCAPE`) make the window shorter, six characters for one.
 */
function valueCut(t: string, cut: number): number {
  // Read as the pair scan reads them, escaped letters decoded (`\u0070assword`, `pass%77ord`); each escape shortens
  // the copy, so a value's start in it is at or before its start in the text (the cut moves as far back, or further).
  const [head] = decode(t.slice(0, cut))
  const [w] = decode(t.slice(0, cut + 2048))
  let to = cut
  const seen: ValueKeys = { at: 0, keys: [] }
  KEY_WORD.lastIndex = Math.max(0, head.length - 256)
  for (let m = KEY_WORD.exec(w); m; m = KEY_WORD.exec(w)) {
    const end = skip(TOKEN68, w, m.index)
    // The next word after this name, as the pair scan does: a run of secret words (`passwordpassword…`) is one name,
    // read once, not once per word (that read the window's rest for each, ~1 ms a cut).
    KEY_WORD.lastIndex = Math.max(KEY_WORD.lastIndex, end)
    const value = valueBefore(w, end)
    if (value && !valueBefore(head, end)) to = Math.min(to, value[0])
    // A `value` member before its secret name (`memberBefore`), the name past the cut or cut in it.
    const name = nameMember(w, m.index, 0)
    const member = name && memberBefore(w, name, seen)
    if (member && !(m.index < head.length && nameMember(head, m.index, 0)?.[1] === name[1]))
      to = Math.min(to, member[0])
  }
  return to
}

/**
 * `cut`, moved back to the end of a URL's `://` (or its JSON escape `:\/\/`) when it falls inside that URL's
 * authority before its `@`: the userinfo's password is hidden by the `@` that follows it (`redactUserinfo`), so a head
 * that ends inside it (`https://u:pass`, a URL glued to a word too long to drop whole) would keep part of it.
 */
function authorityCut(t: string, cut: number): number {
  // The authority has no `/`: the cut is inside one when the last `/` before it ends a `://`.
  const at = t.lastIndexOf('/', cut - 1) + 1
  return /:\\?\/\\?\/$/.test(t.slice(Math.max(0, at - 5), at)) && !/[\s?#@\\"'`<>]/.test(t.slice(at, cut)) ? at : cut
}

/** `cut`, moved back so that `t.slice(0, cut)` does not end with the beginning of a registered secret. */
export function secretCut(t: string, cut: number): number {
  const secrets = registry().secrets
  for (let round = 0; round < 4; round++) {
    const head = t.slice(0, cut)
    let drop = 0
    for (const s of secrets) drop = Math.max(drop, overlap(head, s))
    if (drop === 0) break
    cut -= drop
  }
  return cut
}

const MARK = '…[truncated '

/**
 * Where the `…[truncated N chars]` that ends `t` starts, when it starts within the first `max` characters: `t` was
 * cut before (by `cutText`), and is kept as it was cut, so that cutting again to the same bound neither cuts into
 * the mark nor miscounts what was cut. Otherwise -1.
 */
function markAt(t: string, max: number): number {
  if (!t.endsWith(' chars]')) return -1
  const i = t.lastIndexOf(MARK)
  return i >= 0 && i <= max && /^\d{1,16}$/.test(t.slice(i + MARK.length, -7)) ? i : -1
}

/**
 * Where a text whose mark starts at `i` is cut: at `i` when the text before the mark could be this cut's, else before
 * what it could not end with (half of a surrogate pair, the beginning of a registered secret: another producer's
 * plain cut may have left them). May throw on a hostile registry (the callers catch).
 */
function markCut(t: string, i: number): number {
  return secretCut(t, wholePairs(t, i))
}

/** `cut`, one less when the character before it is the first half of a surrogate pair (never split a pair). */
function wholePairs(t: string, cut: number): number {
  const high = t.charCodeAt(cut - 1)
  return high >= 0xd800 && high <= 0xdbff ? cut - 1 : cut
}

/**
 * `text` cut to at most `max` characters, saying how much was cut (`…[truncated N chars]`, N counting characters
 * of the input), and cut where `redactBounded` cuts (`cutIndex`): a text cut here and redacted later never shows
 * part of a token or the beginning of a registered secret at the cut. Not redacted. Never throws.
 */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text
  try {
    const mark = markAt(text, max)
    const cut = mark >= 0 ? markCut(text, mark) : cutIndex(text, max)
    if (cut === mark) return text
    return `${text.slice(0, cut)}${MARK}${text.length - cut} chars]`
  } catch {
    return `${MARK}${text.length} chars]`
  }
}

/**
 * Cuts `text` to at most `max` characters FIRST (as `cutText` cuts), then redacts it, so the cost is bounded by
 * `max`, not by the input. What was cut is said as `…[truncated N chars]` (N counts characters of the input).
 * Never throws.
 */
export function redactBounded(text: string, max: number): string {
  try {
    // Most texts are short ones seen before (codes, reasons, titles, recurring messages): one set lookup.
    if (typeof text === 'string' && text.length <= max && knownClean(text)) return text
    const t = String(text)
    const limit = max >= 0 ? Math.floor(max) : 0
    if (t.length <= limit) return t === text ? scan(t) : redactString(t)
    // Cut before (`cutText`) to this bound: the head is redacted, the mark kept as it is.
    const mark = markAt(t, limit)
    const cut = mark >= 0 ? markCut(t, mark) : cutIndex(t, limit)
    if (cut === mark) return `${redactString(t.slice(0, mark))}${t.slice(mark)}`
    return `${redactString(t.slice(0, cut))}${MARK}${t.length - cut} chars]`
  } catch {
    return REDACTED
  }
}
