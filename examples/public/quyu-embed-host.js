/*
 * quyu embed host script. Include it once on the page that holds quyu iframes:
 *   <iframe src="https://example.org/quyu/embed.html?id=fig1#layout=guangdong" id="fig1" title="…" width="100%"></iframe>
 *   <script src="https://example.org/quyu/quyu-embed-host.js" async></script>
 * Each embed posts its height as { type: 'quyu-height', id, height } (and Datawrapper's
 * { 'datawrapper-height': { [id]: height } }); this script sets the height of the iframe that sent it, and
 * its border to none. It sets them through the CSSOM (element.style), which a strict host policy allows,
 * so the embed code needs no style attribute (which `style-src` without 'unsafe-inline' would block).
 */
(() => {
  if (window.__quyuEmbedHost) return;
  window.__quyuEmbedHost = true;
  window.addEventListener('message', (event) => {
    const data = event.data;
    if (!data || typeof data !== 'object' || data.type !== 'quyu-height') return;
    const height = Number(data.height);
    if (!Number.isFinite(height) || height <= 0 || height > 10000) return;
    for (const frame of document.querySelectorAll('iframe')) {
      if (frame.contentWindow === event.source) {
        frame.style.border = '0';
        frame.style.height = `${Math.ceil(height)}px`;
        frame.setAttribute('scrolling', 'no');
      }
    }
  });
})();
