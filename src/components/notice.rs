//! What could not be read from the URL, in a dismissible notice.

use crate::state::AppState;
use leptos::prelude::*;

#[component]
pub fn UrlNotices() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        let notices = state.notices.get();
        (!notices.is_empty()).then(|| {
            view! {
                <section class="notice" role="status" aria-labelledby="notice-title" data-testid="url-notice">
                    <h2 id="notice-title" class="notice-title">"Parts of this link could not be used"</h2>
                    <ul>
                        {notices
                            .shown
                            .iter()
                            .map(|n| view! { <li><code>{n.parameter.clone()}</code>": "{n.message.clone()}</li> })
                            .collect_view()}
                    </ul>
                    {notices.more_label().map(|more| view! { <p class="notice-more" data-testid="notice-more">{more}</p> })}
                    <button type="button" class="button" data-testid="dismiss-notice" on:click=move |_| state.notices.set(Default::default())>
                        "Dismiss"
                    </button>
                </section>
            }
        })
    }
}
