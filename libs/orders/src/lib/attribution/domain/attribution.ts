// Source markers are written by shelf labels (catalogue) and read by checkout (here): their format is the kernel's.
export { ATTRIBUTION_CHANNELS, SOURCE_PATTERN, attributionOf, isSourceMarker, type Attribution, type AttributionChannel } from '@vitrine/shared/kernel';
