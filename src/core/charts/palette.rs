//! Chart colours: the Okabe–Ito hues (told apart with the common colour-vision deficiencies),
//! darkened or lightened until each reaches 3:1 contrast against the page (WCAG 1.4.11).

/// On the light page (#ffffff).
pub const LIGHT: [&str; 8] = ["#0072B2", "#B35900", "#007A5A", "#AA3F8C", "#2F6690", "#C23B22", "#7A5F00", "#555555"];
/// On the dark page (#14181d).
pub const DARK: [&str; 8] = ["#56B4E9", "#E69F00", "#2BC39A", "#E79FCB", "#A6CEE3", "#FF8A50", "#F0E442", "#BBBBBB"];

fn luminance(hex: &str) -> f64 {
    let h = hex.trim_start_matches('#');
    let channel = |i: usize| {
        let c = u8::from_str_radix(&h[i..i + 2], 16).unwrap_or(0) as f64 / 255.0;
        if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4)
}

/// WCAG contrast ratio of two colours.
pub fn contrast(a: &str, b: &str) -> f64 {
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_colour_has_3_to_1_contrast_with_its_page() {
        for c in LIGHT {
            assert!(contrast(c, "#ffffff") >= 3.0, "{c} on white: {}", contrast(c, "#ffffff"));
        }
        for c in DARK {
            assert!(contrast(c, "#14181d") >= 3.0, "{c} on the dark page: {}", contrast(c, "#14181d"));
        }
    }
}
