// The authorization code's redirect target. The app's own script fetches it (and reads the code
// from the URL it landed on); a person who arrives here directly is sent on to their cases, and
// the code in the address bar, unused, expires.
location.replace('/app/index.html');
