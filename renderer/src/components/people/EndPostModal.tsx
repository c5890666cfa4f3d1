import { App, DatePicker, Form } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Post } from '../../../../shared/api/people';
import { api } from '../../api/client';
import { FormModal } from '../FormModal';

interface Props {
  post: Post;
  onClose: () => void;
  onSaved: () => void;
}

/** 结束任职: the post stays in the history with its end date. */
export function EndPostModal({ post, onClose, onSaved }: Props) {
  const { message } = App.useApp();
  const save = async (v: { endDate?: Dayjs }) => {
    await api.posts.end({ id: post.id, endDate: (v.endDate ?? dayjs()).format('YYYY-MM-DD') });
    message.success(`已结束任职：${post.personName} ${post.label}`);
    onSaved();
  };
  return (
    <FormModal<{ endDate?: Dayjs }>
      title={`结束任职 · ${post.label}`}
      name="endPost"
      width={420}
      initialValues={{ endDate: dayjs() }}
      onSave={save}
      onClose={onClose}
    >
      <p style={{ marginTop: 0 }}>
        {post.personName} 自 {post.startDate} 起任{post.label}。结束后任职记录保留在履历中。
      </p>
      <Form.Item label="离任日期" name="endDate" required>
        <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" autoFocus />
      </Form.Item>
    </FormModal>
  );
}
