import { render } from 'preact';
import { PopupApp } from '../../components/popup/PopupApp';
import '../../components/popup/popup.css';

const params = new URLSearchParams(location.search);
const app = document.getElementById('app')!;
app.replaceChildren();
render(<PopupApp targetParam={params.get('target')} tabParam={params.get('tab')} queryParam={params.get('q')} />, app);
