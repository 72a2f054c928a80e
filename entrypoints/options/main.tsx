import { createProxyService } from '@webext-core/proxy-service';
import { render } from 'preact';
import { OptionsApp } from '../../components/options/OptionsApp';
import '../../components/options/options.css';
import { openListStore } from '../../utils/browser/database';
import { LIST_SERVICE_KEY } from '../../utils/browser/list-service';

render(<OptionsApp db={openListStore()} service={createProxyService(LIST_SERVICE_KEY)} />, document.getElementById('app')!);
