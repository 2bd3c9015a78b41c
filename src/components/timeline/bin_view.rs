//! The timeline's bins, drawn where the core found marks would pile up: one bar per bin, each a
//! button named by its count and days; Enter or a click zooms the timeline to the bin's days
//! through the URL (a date range, zoomed), arrow keys move between bins.

use super::{roving, Layout, PlacedBin};
use crate::components::format;
use crate::state::AppState;
use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use parallax_core::query::DateBin;
use parallax_core::NaiveDate;

/// What a bin is called, for screen readers and the hover title.
fn bin_name(bin: &DateBin) -> String {
    let days = if bin.first == bin.last {
        format!("on {}", format::date(bin.first))
    } else {
        format!(
            "from {} to {}",
            format::date(bin.first),
            format::date(bin.last)
        )
    };
    format!(
        "{} {days}. Zoom in to see them.",
        format::count(bin.count, "report", "reports")
    )
}

#[component]
pub(super) fn BinBars(placed: Memo<Layout>) -> impl IntoView {
    let state = expect_context::<AppState>();
    // Keyboard focus by the bin's first day (stable while the bins are redrawn).
    let focused = RwSignal::new(None::<NaiveDate>);
    let active = Memo::new(move |_| {
        let f = focused.get();
        placed.with(|l| {
            f.filter(|d| l.bins.iter().any(|b| b.bin.first == *d))
                .or_else(|| l.bins.first().map(|b| b.bin.first))
        })
    });
    let zoom_to = move |bin: &DateBin| {
        let (first, last) = (bin.first, bin.last);
        state.navigate(move |u| {
            u.from = Some(first);
            u.to = Some(last);
            u.zoom = true;
        });
    };
    let on_key = move |ev: KeyboardEvent, bin: DateBin| {
        let order: Vec<NaiveDate> =
            placed.with_untracked(|l| l.bins.iter().map(|b| b.bin.first).collect());
        let Some(n) = order.iter().position(|&d| d == bin.first) else {
            return;
        };
        let key = ev.key();
        if key == "Enter" || key == " " {
            ev.prevent_default();
            zoom_to(&bin);
        } else if let Some(next) = roving::step(&key, n, order.len()) {
            ev.prevent_default();
            focused.set(Some(order[next]));
            roving::focus_svg(&format!("bin-{}", order[next]));
        }
    };
    let bin_view = move |b: PlacedBin| {
        let first = b.bin.first;
        let name = bin_name(&b.bin);
        let title = name.clone();
        let (click_bin, key_bin) = (b.bin.clone(), b.bin.clone());
        view! {
            <g
                id=format!("bin-{first}")
                class="bin"
                role="button"
                tabindex=move || if active.get() == Some(first) { "0" } else { "-1" }
                aria-label=name
                data-testid="timeline-bin"
                data-from=first.to_string()
                data-to=b.bin.last.to_string()
                data-count=b.bin.count.to_string()
                on:click=move |_| zoom_to(&click_bin)
                on:keydown=move |ev: KeyboardEvent| on_key(ev, key_bin.clone())
                on:focusin=move |_| focused.set(Some(first))
            >
                <title>{title}</title>
                <rect x=b.x y=b.y width=b.width height=b.height/>
            </g>
        }
    };
    view! {
        <g class="bins">
            <For
                each=move || placed.with(|l| l.bins.clone())
                key=|b| (b.bin.clone(), b.x.to_bits(), b.y.to_bits(), b.width.to_bits())
                children=move |b| bin_view(b)
            />
        </g>
    }
}
