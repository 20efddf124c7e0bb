// A gentle two-note chime for "time is up", synthesised with Web Audio (no sound file to load).
let context: AudioContext | null = null;

/** Plays the chime; silently does nothing where audio is unavailable or not yet allowed. */
export function playChime(): void {
  try {
    context ??= new AudioContext();
    void context.resume();
    const start = context.currentTime + 0.05;
    // E5 then A5, soft attack and a long decay: noticeable without being an alarm.
    [659.25, 880].forEach((frequency, index) => {
      const ctx = context as AudioContext;
      const at = start + index * 0.35;
      const oscillator = ctx.createOscillator();
      const gain = ctx.createGain();
      oscillator.type = 'sine';
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.18, at + 0.03);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 1.4);
      oscillator.connect(gain).connect(ctx.destination);
      oscillator.start(at);
      oscillator.stop(at + 1.5);
    });
  } catch {
    // No audio device, or the browser refuses: the visual flash still says it.
  }
}
