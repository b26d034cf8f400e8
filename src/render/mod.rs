//! Turn finished reports into output; renderers never recompute.
