//! Fits one photo as the bulletin prints it (`bench/photos.sh` times it
//! against Pillow doing the same).
//!   cargo run --example fit_photo -p vigie-bulletin -- IN.jpg OUT.jpg

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let (Some(input), Some(output)) = (args.next(), args.next()) else {
        return Err(std::io::Error::other("usage: fit_photo IN.jpg OUT.jpg"));
    };
    let bytes = std::fs::read(&input)?;
    let fitted = vigie_bulletin::photos::fitted(&bytes, vigie_domain::MediaType::Jpeg);
    std::fs::write(&output, fitted)
}
