//! Drawing warm-up curves into an SVG file with `plotters` (its SVG backend
//! only: text goes into the file as `<text>`, so no system fonts are needed).
//!
//! Two panels share the time axis (seconds since the main loop started): on
//! top each iteration's time, drawn as a step (a flat segment from the
//! iteration's start to its end, log scale), so a pause shows as a wide, tall
//! block; below the iterations completed so far, where a pause is a flat
//! stretch and speed is slope: "slow, standstill, fast" against "slow,
//! unnoticeable pause, faster, fast".

use crate::warmup::Curve;
use plotters::prelude::*;
use std::path::Path;

/// Width and height of the SVG in pixels.
const SIZE: (u32, u32) = (1000, 760);

/// The colour of a mode's curve: fixed for the four standard modes, so every
/// SVG reads the same, then a palette for extra modes.
pub fn mode_color(mode: &str, index: usize) -> RGBColor {
    match mode {
        "jit=off" => RGBColor(127, 127, 127),
        "jit=raw" => RGBColor(31, 119, 180),
        "jit=full" => RGBColor(44, 160, 44),
        "jit=sync" => RGBColor(214, 39, 40),
        _ => {
            const EXTRA: [RGBColor; 4] = [
                RGBColor(148, 103, 189),
                RGBColor(255, 127, 14),
                RGBColor(140, 86, 75),
                RGBColor(227, 119, 194),
            ];
            EXTRA[index % EXTRA.len()]
        }
    }
}

/// The step outline of a curve: (time, milliseconds) corners, each iteration
/// a flat segment from its start to its end.
pub fn step_points(curve: &Curve) -> Vec<(f64, f64)> {
    let start = curve.stamps.first().copied().unwrap_or(0.0);
    let mut points = Vec::new();
    for w in curve.stamps.windows(2) {
        let ms = (w[1] - w[0]) * 1000.0;
        points.push((w[0] - start, ms));
        points.push((w[1] - start, ms));
    }
    points
}

/// The iterations completed over time: (end time, count) from (0, 0).
pub fn progress_points(curve: &Curve) -> Vec<(f64, f64)> {
    let mut points = vec![(0.0, 0.0)];
    points.extend(
        curve
            .end_secs()
            .into_iter()
            .enumerate()
            .map(|(i, t)| (t, (i + 1) as f64)),
    );
    points
}

/// Draws `curves` into a new SVG at `path` under the heading `title`.
pub fn draw_curves(path: &Path, title: &str, curves: &[Curve]) -> Result<(), String> {
    draw(path, title, curves).map_err(|e| format!("cannot draw {}: {e}", path.display()))
}

fn draw(path: &Path, title: &str, curves: &[Curve]) -> Result<(), Box<dyn std::error::Error>> {
    let steps: Vec<Vec<(f64, f64)>> = curves.iter().map(step_points).collect();
    let x_max = curves
        .iter()
        .map(Curve::total_secs)
        .fold(0.0, f64::max)
        .max(1e-6)
        * 1.02;
    // Log scale: iteration times span from microseconds (compiled) to whole
    // pauses; clamp zero-length iterations to the axis floor.
    let all_ms = steps.iter().flatten().map(|p| p.1);
    let y_top = all_ms.clone().fold(1e-3, f64::max) * 1.5;
    let y_floor = all_ms
        .filter(|&ms| ms > 0.0)
        .fold(f64::MAX, f64::min)
        .min(y_top)
        / 1.5;
    let y_floor = if y_floor.is_finite() && y_floor > 0.0 {
        y_floor
    } else {
        1e-3
    };
    let iterations = curves
        .iter()
        .map(|c| c.stamps.len().saturating_sub(1))
        .max()
        .unwrap_or(1)
        .max(1) as f64;

    let root = SVGBackend::new(path, SIZE).into_drawing_area();
    root.fill(&WHITE)?;
    let root = root.titled(title, ("sans-serif", 22))?;
    let (top, bottom) = root.split_vertically(SIZE.1 / 2);

    let mut chart = ChartBuilder::on(&top)
        .margin(12)
        .x_label_area_size(36)
        .y_label_area_size(70)
        .build_cartesian_2d(0f64..x_max, (y_floor..y_top).log_scale())?;
    chart
        .configure_mesh()
        .x_desc("seconds since the main loop started")
        .y_desc("iteration time (ms, log)")
        .y_label_formatter(&|ms| format!("{ms}"))
        .draw()?;
    for (i, (curve, points)) in curves.iter().zip(&steps).enumerate() {
        let color = mode_color(&curve.mode, i);
        let clamped = points.iter().map(|&(t, ms)| (t, ms.max(y_floor)));
        let pause = curve
            .max_pause_ms
            .map_or(String::new(), |ms| format!(", max JIT pause {ms:.2} ms"));
        let label = match curve.summary() {
            Some(s) => format!(
                "{}: total {:.3} s, slowest {:.2} ms, steady {:.3} ms{pause}",
                curve.mode,
                s.total,
                s.slowest * 1000.0,
                s.steady * 1000.0
            ),
            None => curve.mode.clone(),
        };
        chart
            .draw_series(LineSeries::new(clamped, color.stroke_width(2)))?
            .label(label)
            .legend(move |(x, y)| {
                PathElement::new(vec![(x, y), (x + 20, y)], color.stroke_width(3))
            });
    }
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperRight)
        .background_style(WHITE.mix(0.85))
        .border_style(BLACK)
        .draw()?;

    let mut chart = ChartBuilder::on(&bottom)
        .margin(12)
        .x_label_area_size(36)
        .y_label_area_size(70)
        .build_cartesian_2d(0f64..x_max, 0f64..iterations * 1.05)?;
    chart
        .configure_mesh()
        .x_desc("seconds since the main loop started")
        .y_desc("iterations done")
        .y_label_formatter(&|n| format!("{n:.0}"))
        .draw()?;
    for (i, curve) in curves.iter().enumerate() {
        let color = mode_color(&curve.mode, i);
        chart
            .draw_series(LineSeries::new(
                progress_points(curve),
                color.stroke_width(2),
            ))?
            .label(curve.mode.clone())
            .legend(move |(x, y)| {
                PathElement::new(vec![(x, y), (x + 20, y)], color.stroke_width(3))
            });
    }
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::LowerRight)
        .background_style(WHITE.mix(0.85))
        .border_style(BLACK)
        .draw()?;
    root.present()?;
    Ok(())
}
