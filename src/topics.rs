//! Watched topics: the watch file, and tagging changes that touch watched language.
