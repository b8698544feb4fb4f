//! The command line of `cargo xtask`: each command and its options. An unknown command or option, an option without
//! its value and an argument too many are refused with the reason, so a typo never runs a command with defaults.

use std::ffi::OsString;
use std::path::PathBuf;

use lexopt::prelude::*;

use crate::bench;

pub const USAGE: &str = "\
usage: cargo xtask <command>

  serve [--port N]     build the release bundle and serve it on http://127.0.0.1:8080/
  test                 run every check and all three layers of tests
  build [--single-file] [--site-url URL]
                       build the release bundle into dist/ (and, with --single-file, also
                       dist-single/summit-fruits.html, one file that opens from disk); with
                       --site-url, the address it will be published at, the pages get absolute
                       canonical and preview-image addresses and the bundle a sitemap.xml
                       and a robots.txt
  static DIR [--port N] [--mount /sub/path/] [--cors]
                       serve a folder as a plain static server (used by the tests;
                       --port 0 picks a free port, --cors allows other origins)
  schema [--check]     write data/schema.json from the Rust types (or check that it is current)
  validate FILE        check a data set and print every problem with its JSON path
  bench [--loads N] [--interactions N] [--no-lighthouse]
                       build the release bundle, measure its sizes, load times (against a
                       static page), input latency and memory in headless Chromium, and
                       Lighthouse performance; prints a table, writes target/bench/bench.json
  setup                install the tools only
  postbuild            finish the bundle in Trunk's staging folder (TRUNK_STAGING_DIR): the
                       prerendered page, the script embed, integrity hashes; Trunk runs it
                       after each build (Trunk.toml)
  prerender DIR [--data FILE]
                       write a data set's default view, drawn by the app's own components,
                       into DIR/index.html (the first step of postbuild; FILE defaults to
                       data/potential-fruits.json)
  help                 print this
";

/// A command and its options, as given.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    Serve {
        port: u16,
    },
    Test,
    Build {
        single_file: bool,
        site_url: Option<String>,
    },
    Static {
        dir: PathBuf,
        port: u16,
        mount: String,
        cors: bool,
    },
    Schema {
        check: bool,
    },
    Validate {
        file: PathBuf,
    },
    Bench(bench::Options),
    Setup,
    Postbuild,
    Prerender {
        dir: PathBuf,
        data: Option<PathBuf>,
    },
    Help,
}

/// Reads the arguments after `cargo xtask`.
pub fn parse<I>(args: I) -> Result<Command, String>
where
    I: IntoIterator,
    I::Item: Into<OsString>,
{
    read(lexopt::Parser::from_args(args)).map_err(|e| e.to_string())
}

fn read(mut parser: lexopt::Parser) -> Result<Command, lexopt::Error> {
    let name = match parser.next()? {
        Some(Value(name)) => name.string()?,
        Some(Long("help") | Short('h')) => return Ok(Command::Help),
        Some(other) => return Err(other.unexpected()),
        None => return Err("no command given".into()),
    };
    let command = match name.as_str() {
        "serve" => {
            let mut port = 8080;
            while let Some(arg) = parser.next()? {
                match arg {
                    Long("port") => port = parser.value()?.parse()?,
                    other => return Err(other.unexpected()),
                }
            }
            Command::Serve { port }
        }
        "build" => {
            let (mut single_file, mut site_url) = (false, None);
            while let Some(arg) = parser.next()? {
                match arg {
                    Long("single-file") => single_file = true,
                    Long("site-url") => site_url = Some(parser.value()?.string()?),
                    other => return Err(other.unexpected()),
                }
            }
            Command::Build {
                single_file,
                site_url,
            }
        }
        "static" => {
            let (mut dir, mut port, mut mount, mut cors) = (None, 4173, "/".to_string(), false);
            while let Some(arg) = parser.next()? {
                match arg {
                    Value(value) if dir.is_none() => dir = Some(PathBuf::from(value)),
                    Long("port") => port = parser.value()?.parse()?,
                    Long("mount") => mount = parser.value()?.string()?,
                    Long("cors") => cors = true,
                    other => return Err(other.unexpected()),
                }
            }
            let dir = dir.ok_or("static takes a folder")?;
            Command::Static {
                dir,
                port,
                mount,
                cors,
            }
        }
        "schema" => {
            let mut check = false;
            while let Some(arg) = parser.next()? {
                match arg {
                    Long("check") => check = true,
                    other => return Err(other.unexpected()),
                }
            }
            Command::Schema { check }
        }
        "validate" => Command::Validate {
            file: one_value(&mut parser, "validate takes a file")?,
        },
        "bench" => {
            let mut options = bench::Options::default();
            while let Some(arg) = parser.next()? {
                match arg {
                    Long("loads") => options.loads = count(&mut parser, "--loads")?,
                    Long("interactions") => {
                        options.interactions = count(&mut parser, "--interactions")?
                    }
                    Long("no-lighthouse") => options.lighthouse = false,
                    other => return Err(other.unexpected()),
                }
            }
            Command::Bench(options)
        }
        "prerender" => {
            let (mut dir, mut data) = (None, None);
            while let Some(arg) = parser.next()? {
                match arg {
                    Value(value) if dir.is_none() => dir = Some(PathBuf::from(value)),
                    Long("data") => data = Some(PathBuf::from(parser.value()?)),
                    other => return Err(other.unexpected()),
                }
            }
            let dir = dir.ok_or("prerender takes a folder")?;
            Command::Prerender { dir, data }
        }
        "test" | "setup" | "postbuild" | "help" => {
            if let Some(arg) = parser.next()? {
                return Err(arg.unexpected());
            }
            match name.as_str() {
                "test" => Command::Test,
                "setup" => Command::Setup,
                "postbuild" => Command::Postbuild,
                _ => Command::Help,
            }
        }
        other => return Err(format!("unknown command {other:?}").into()),
    };
    Ok(command)
}

/// The one argument a command takes, and nothing else.
fn one_value(parser: &mut lexopt::Parser, missing: &str) -> Result<PathBuf, lexopt::Error> {
    let mut value = None;
    while let Some(arg) = parser.next()? {
        match arg {
            Value(v) if value.is_none() => value = Some(PathBuf::from(v)),
            other => return Err(other.unexpected()),
        }
    }
    value.ok_or_else(|| missing.into())
}

/// The value of a count option: a number above 0.
fn count(parser: &mut lexopt::Parser, name: &str) -> Result<usize, lexopt::Error> {
    match parser.value()?.parse()? {
        0 => Err(format!("{name} takes a number above 0").into()),
        n => Ok(n),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(line: &str) -> Result<Command, String> {
        parse(line.split_whitespace())
    }

    #[test]
    fn commands_read_their_options_and_defaults() {
        assert_eq!(parse_str("serve"), Ok(Command::Serve { port: 8080 }));
        assert_eq!(
            parse_str("serve --port 9000"),
            Ok(Command::Serve { port: 9000 })
        );
        assert_eq!(
            parse_str("serve --port=9000"),
            Ok(Command::Serve { port: 9000 })
        );
        assert_eq!(
            parse_str("build --single-file"),
            Ok(Command::Build {
                single_file: true,
                site_url: None
            })
        );
        assert_eq!(
            parse_str("build --site-url https://example.org/s/"),
            Ok(Command::Build {
                single_file: false,
                site_url: Some("https://example.org/s/".into())
            })
        );
        assert_eq!(
            parse_str("static dist --port 0 --mount /tools/summit/ --cors"),
            Ok(Command::Static {
                dir: "dist".into(),
                port: 0,
                mount: "/tools/summit/".into(),
                cors: true
            })
        );
        assert_eq!(
            parse_str("static --cors dist"),
            Ok(Command::Static {
                dir: "dist".into(),
                port: 4173,
                mount: "/".into(),
                cors: true
            })
        );
        assert_eq!(
            parse_str("schema --check"),
            Ok(Command::Schema { check: true })
        );
        assert_eq!(
            parse_str("validate a.json"),
            Ok(Command::Validate {
                file: "a.json".into()
            })
        );
        assert_eq!(parse_str("test"), Ok(Command::Test));
        assert_eq!(parse_str("postbuild"), Ok(Command::Postbuild));
        assert_eq!(
            parse_str("prerender /tmp/x --data d.json"),
            Ok(Command::Prerender {
                dir: "/tmp/x".into(),
                data: Some("d.json".into())
            })
        );
        assert_eq!(parse_str("--help"), Ok(Command::Help));
    }

    #[test]
    fn typos_unknown_commands_and_extra_arguments_are_refused() {
        let typo = parse_str("serve --prot 9000").unwrap_err();
        assert!(typo.contains("--prot"), "{typo}");
        assert!(parse_str("build --single")
            .unwrap_err()
            .contains("--single"));
        assert!(parse_str("static dist --mount")
            .unwrap_err()
            .contains("--mount"));
        assert!(parse_str("static dist other")
            .unwrap_err()
            .contains("other"));
        assert!(parse_str("static")
            .unwrap_err()
            .contains("static takes a folder"));
        assert!(parse_str("validate")
            .unwrap_err()
            .contains("validate takes a file"));
        assert!(parse_str("validate a.json b.json")
            .unwrap_err()
            .contains("b.json"));
        assert!(parse_str("test --fast").unwrap_err().contains("--fast"));
        assert!(parse_str("setup now").unwrap_err().contains("now"));
        assert!(parse_str("serve --port eighty")
            .unwrap_err()
            .contains("eighty"));
        assert!(parse_str("serve --port 70000").is_err());
        assert!(parse_str("deploy").unwrap_err().contains("deploy"));
        assert!(parse_str("").unwrap_err().contains("no command"));
    }

    #[test]
    fn bench_options_default_to_the_minimums_of_the_published_figures() {
        assert_eq!(
            parse_str("bench"),
            Ok(Command::Bench(bench::Options::default()))
        );
        assert_eq!(bench::Options::default().loads, 10);
        assert_eq!(bench::Options::default().interactions, 50);
    }

    #[test]
    fn bench_options_read_counts_and_refuse_nonsense() {
        assert_eq!(
            parse_str("bench --loads 3 --interactions 20 --no-lighthouse"),
            Ok(Command::Bench(bench::Options {
                loads: 3,
                interactions: 20,
                lighthouse: false
            }))
        );
        assert!(parse_str("bench --loads 0")
            .unwrap_err()
            .contains("above 0"));
        assert!(parse_str("bench --fast").is_err());
    }
}
